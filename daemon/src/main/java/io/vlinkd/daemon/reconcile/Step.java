package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.resource.link.KindTraits;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.PostCreateConfiguration;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.ip.Ipv4Settings;
import io.vlinkd.netlink.port.PortSettings;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One write of a plan: what it sends (a {@link Write}), its equivalent {@code ip} command, and its inverse (computed
 * at plan time from what was observed, so the revert plan exists before anything is applied). Writes are built at
 * apply time from an {@link EncodeContext} that resolves names to the indexes of that moment (a link created in an
 * earlier wave has an index only then).
 */
public sealed interface Step {

    /** An rtnetlink request as a write. */
    private static Write rtnl(NlRequest request) {
        return new Write.RtnlRequest(request);
    }

    /** The interface this step is about (for a route: its device, or the route itself when it has none). */
    String link();

    Phase phase();

    /** Other interfaces that must exist while this step runs (master, parent, referenced devices). */
    default Set<String> needs() {
        return Set.of();
    }

    /**
     * What to send, on the indexes of {@code ctx}; an IllegalArgumentException when a name it needs is not there
     * (the step fails, the wave goes on).
     */
    Write write(EncodeContext ctx);

    /** The equivalent iproute2 command. */
    String ipCommand();

    /**
     * The steps that undo this one, in order. Empty only for {@link DeleteLink} of a link vlinkd cannot recreate,
     * and for a {@link ConfigureLink} that follows the link's creation (undoing the create deletes the link) or a
     * {@link SetPort} that follows its enslavement (undoing that releases the port, and its settings go with it).
     */
    List<Step> inverse();

    /**
     * Whether a revert can undo this step: false only for a {@link DeleteLink} of a link vlinkd cannot recreate. (A
     * {@link ConfigureLink} after a create has no inverse of its own, yet is undone: deleting the link undoes it.)
     */
    default boolean reversible() {
        return true;
    }

    /** Where the config asked for this, or null (a revert, an owned link that left the config). */
    SourceLocation where();

    /** A short operator phrase: {@code create}, {@code change mtu}, {@code add address 192.0.2.10/24}. */
    String operation();

    /** {@code ip link add ...}: creates the link with every managed setting in one request. */
    record CreateLink(LinkSpec spec, Set<String> needs, List<String> companions, SourceLocation where, String reason)
            implements Step {

        /**
         * The steps that create {@code spec}. A port (a link with {@code master:}) that is to be up is created down
         * in its master and then set up: a create request with both IFF_UP and IFLA_MASTER brings the link up before
         * the kernel enslaves it (rtnl_newlink: rtnl_configure_link, then do_set_master), and a bond refuses an up
         * port ("Device can not be enslaved while up", EPERM), a team too (EBUSY). Done for every master kind, so a
         * port is built the same way whatever its master; the revert sets it down, then deletes it.
         */
        public static List<Step> portDownFirst(LinkSpec spec, Set<String> needs, List<String> companions,
                                               SourceLocation where, String reason) {
            if (spec.master().isEmpty() || spec.state().orElse(AdminState.DOWN) != AdminState.UP) {
                return List.of(new CreateLink(spec, needs, companions, where, reason));
            }
            return List.of(new CreateLink(spec.withState(AdminState.DOWN), needs, companions, where, reason),
                    new SetState(spec.name(), AdminState.UP, AdminState.DOWN, where));
        }
        @Override
        public String link() {
            return spec.name();
        }

        @Override
        public Phase phase() {
            return Phase.CREATE_LINK;
        }

        @Override
        public Write write(EncodeContext ctx) {
            return rtnl(LinkRequests.create(spec, ctx));
        }

        @Override
        public String ipCommand() {
            StringBuilder sb = new StringBuilder("ip link add ").append(spec.name());
            spec.link().ifPresent(l -> sb.append(" link ").append(l));
            IpWords.common(spec, sb);
            spec.netns().ifPresent(n -> sb.append(" netns ").append(n));
            if (spec.state().orElse(AdminState.DOWN) == AdminState.UP) {
                sb.append(" up");
            }
            sb.append(" type ").append(spec.kindName());
            KindTraits.ipArgs(spec.kind(), spec.spec()).forEach(a -> sb.append(' ').append(a));
            return sb.toString();
        }

        @Override
        public List<Step> inverse() {
            return List.of(new DeleteLink(spec.name(), null, Set.of(), companions, List.of(), null,
                    "undo create"));
        }

        @Override
        public String operation() {
            return reason == null ? "create " + spec.kindName() : "re-create " + spec.kindName() + " (" + reason + ")";
        }
    }

    /**
     * {@code ip link del}. {@code restore} (the link as observed) and {@code restoreAfter} (its ports, addresses
     * and routes, which the kernel drops with it) make the inverse; {@code restore} is null when the link cannot
     * be recreated (an unknown kind, or the undo of a create).
     */
    record DeleteLink(String link, LinkSpec restore, Set<String> needs, List<String> companions,
                      List<Step> restoreAfter, SourceLocation where, String reason) implements Step {
        @Override
        public Phase phase() {
            return Phase.DELETE_LINK;
        }

        @Override
        public Write write(EncodeContext ctx) {
            return rtnl(LinkRequests.delete(ctx.ifindex(link), link));
        }

        @Override
        public String ipCommand() {
            return "ip link del " + link;
        }

        @Override
        public boolean reversible() {
            return restore != null;
        }

        @Override
        public List<Step> inverse() {
            if (restore == null) {
                return List.of();
            }
            List<Step> out = new ArrayList<>(CreateLink.portDownFirst(restore, Set.of(), companions, null, null));
            // A team comes back with its mode before its ports rejoin.
            ConfigureLink.afterCreate(restore, null).ifPresent(out::add);
            out.addAll(restoreAfter);
            return out;
        }

        @Override
        public String operation() {
            return "delete" + (reason == null ? "" : " (" + reason + ")");
        }
    }

    /** {@code ip link set dev NAME mtu ... type KIND ...}: only the settings that differ. */
    record ChangeLink(String link, LinkSpec change, LinkSpec revert, List<String> keys, Set<String> needs,
                      SourceLocation where) implements Step {
        @Override
        public Phase phase() {
            return Phase.CHANGE_LINK;
        }

        @Override
        public Write write(EncodeContext ctx) {
            return rtnl(LinkRequests.change(ctx.ifindex(link), change, ctx));
        }

        @Override
        public String ipCommand() {
            StringBuilder sb = new StringBuilder("ip link set dev ").append(link);
            IpWords.common(change, sb);
            if (change.kind() != null && change.spec() != null) {
                List<String> args = KindTraits.ipArgs(change.kind(), change.spec());
                if (!args.isEmpty()) {
                    sb.append(" type ").append(change.kind().name());
                    args.forEach(a -> sb.append(' ').append(a));
                }
            }
            return sb.toString();
        }

        @Override
        public List<Step> inverse() {
            return List.of(new ChangeLink(link, revert, change, keys, needs, null));
        }

        @Override
        public String operation() {
            return "change " + String.join(", ", keys);
        }
    }

    /**
     * The options of a {@link PostCreateConfiguration} kind that only generic netlink sets ({@code teamnl team0
     * setoption mode activebackup}). A step of its own rather than part of executing {@link CreateLink}, because it
     * must be ordered: after the create (or an in-place difference of such an option) and before any port's
     * {@link SetMaster} onto the link (team refuses a mode change while it has ports); {@link DependencyGraph}
     * orders every step that needs the link after it. Sent as a {@link Write.LinkOptions}, over generic netlink.
     *
     * @param revert the observed options to restore, or null after a create (deleting the link undoes it)
     */
    record ConfigureLink(String link, LinkKind<?> kind, KindSpec spec, KindSpec revert, SourceLocation where)
            implements Step {
        public ConfigureLink {
            if (!(kind instanceof PostCreateConfiguration<?>)) {
                throw new IllegalArgumentException(kind.name() + " has no post-create configuration");
            }
        }

        @Override
        public Phase phase() {
            return Phase.CONFIGURE_LINK;
        }

        @Override
        public Write write(EncodeContext ctx) {
            return new Write.LinkOptions(kind, ctx.ifindex(link), link, spec);
        }

        /** The operator's commands ({@code teamnl ...}), joined with {@code ; }. */
        @Override
        public String ipCommand() {
            return String.join("; ", commands());
        }

        public List<String> commands() {
            return kind.typed(spec).postCreateCommands(link);
        }

        @Override
        public List<Step> inverse() {
            return revert == null ? List.of() : List.of(new ConfigureLink(link, kind, revert, spec, null));
        }

        /**
         * What a link created from {@code spec} must be configured with after {@link CreateLink}, or none (not
         * such a kind, or none of its post-create options set).
         */
        public static java.util.Optional<Step> afterCreate(LinkSpec spec, SourceLocation where) {
            if (spec.kind() == null || spec.spec() == null
                    || spec.kind().typed(spec.spec()).postCreateCommands(spec.name()).isEmpty()) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new ConfigureLink(spec.name(), spec.kind(), spec.spec(), null, where));
        }

        @Override
        public String operation() {
            return "configure " + kind.name();
        }
    }

    /** {@code ip link set dev NAME up|down}. */
    record SetState(String link, AdminState state, AdminState previous, SourceLocation where) implements Step {
        @Override
        public Phase phase() {
            return Phase.SET_STATE;
        }

        @Override
        public Write write(EncodeContext ctx) {
            return rtnl(LinkRequests.setState(ctx.ifindex(link), link, state));
        }

        @Override
        public String ipCommand() {
            return "ip link set dev " + link + " " + state.name().toLowerCase();
        }

        @Override
        public List<Step> inverse() {
            return List.of(new SetState(link, previous, state, null));
        }

        @Override
        public String operation() {
            return "set " + state.name().toLowerCase();
        }
    }

    /**
     * {@code ip link set dev NAME down} before an interface that is up joins {@code master}, a bond or team: they
     * refuse a port that is up (bond: EPERM "Device can not be enslaved while up"; team: EBUSY). A
     * {@link SetState} after the {@link SetMaster} brings it up again unless the config wants it down.
     */
    record SetDownToEnslave(String link, String master, SourceLocation where) implements Step {
        @Override
        public Phase phase() {
            return Phase.SET_DOWN_TO_ENSLAVE;
        }

        @Override
        public Write write(EncodeContext ctx) {
            return rtnl(LinkRequests.setState(ctx.ifindex(link), link, AdminState.DOWN));
        }

        @Override
        public String ipCommand() {
            return "ip link set dev " + link + " down";
        }

        @Override
        public List<Step> inverse() {
            return List.of(new SetState(link, AdminState.UP, AdminState.DOWN, null));
        }

        @Override
        public String operation() {
            return "set down (to join " + master + ")";
        }
    }

    /** {@code ip link set dev NAME master M} or {@code nomaster} ({@code master} null). */
    record SetMaster(String link, String master, String previous, SourceLocation where) implements Step {
        @Override
        public Phase phase() {
            return Phase.SET_MASTER;
        }

        @Override
        public Set<String> needs() {
            return master == null ? Set.of() : Set.of(master);
        }

        @Override
        public Write write(EncodeContext ctx) {
            return rtnl(LinkRequests.setMaster(ctx.ifindex(link), link, master == null ? 0 : ctx.ifindex(master)));
        }

        @Override
        public String ipCommand() {
            return "ip link set dev " + link + (master == null ? " nomaster" : " master " + master);
        }

        @Override
        public List<Step> inverse() {
            return List.of(new SetMaster(link, previous, master, null));
        }

        @Override
        public String operation() {
            return master == null ? "release from " + previous : "enslave to " + master;
        }
    }

    /**
     * {@code ip link set dev NAME type bridge_slave learning off ...}: the settings of a link as the port of its
     * bridge or bond ({@code bridge-port:}, {@code bond-port:}), after it joined its master. A port that is created
     * or joins its master in the same plan gets them over the kernel's defaults, which undoing the create or the
     * enslavement discards: no inverse of its own then ({@code was} null), as for a {@link ConfigureLink} after a
     * create.
     *
     * @param master the bridge or bond, which must exist while it runs
     * @param was    the observed values of the same options, which the inverse puts back; null when there are none
     */
    record SetPort(String link, String master, PortSettings settings, PortSettings was, SourceLocation where)
            implements Step {
        @Override
        public Phase phase() {
            return Phase.SET_PORT;
        }

        @Override
        public Set<String> needs() {
            Set<String> needs = new LinkedHashSet<>();
            needs.add(master);
            settings.values().forEach((o, v) -> {
                if (o.namesInterface() && !"".equals(v)) {
                    needs.add((String) v);
                }
            });
            return needs;
        }

        @Override
        public Write write(EncodeContext ctx) {
            return rtnl(settings.request(ctx.ifindex(link), link, ctx));
        }

        @Override
        public String ipCommand() {
            return "ip link set dev " + link + " " + settings.ipWords();
        }

        @Override
        public List<Step> inverse() {
            return was == null ? List.of() : List.of(new SetPort(link, master, was, settings, null));
        }

        @Override
        public String operation() {
            return "set " + settings.master().configKey() + " " + String.join(", ", settings.keys());
        }
    }

    /**
     * {@code sysctl -w net.ipv4.conf.NAME.forwarding=1 ...}, sent over rtnetlink (IFLA_INET_CONF): the interface's
     * IPv4 settings ({@code ipv4:}). On a link the plan creates there is nothing to put back ({@code was} null:
     * undoing the create deletes it); otherwise the inverse sets the observed values again.
     */
    record SetIpv4(String link, Ipv4Settings settings, Ipv4Settings was, SourceLocation where) implements Step {
        @Override
        public Phase phase() {
            return Phase.SET_IPV4;
        }

        @Override
        public Write write(EncodeContext ctx) {
            return rtnl(settings.request(ctx.ifindex(link), link));
        }

        @Override
        public String ipCommand() {
            return settings.command(link);
        }

        @Override
        public List<Step> inverse() {
            return was == null ? List.of() : List.of(new SetIpv4(link, was, settings, null));
        }

        @Override
        public String operation() {
            return "set ipv4 " + String.join(", ", settings.keys());
        }
    }

    /**
     * Adds, replaces or deletes a {@link KernelObject} ({@code ip addr add}, {@code ip route replace}, ...): the one
     * step of every such object type. A replace changes {@code was} into {@code object} in place, with NLM_F_REPLACE:
     * the same object to the kernel (address and prefix; destination, table and metric) with other attributes, never
     * absent while it changes; its revert puts {@code was} back.
     *
     * @param was for a replace, what it replaces; null otherwise
     */
    record ObjectChange(Change change, KernelObject object, KernelObject was, SourceLocation where) implements Step {

        /** What is done to the object: its verb in the operator phrase and in the {@code ip} command. */
        public enum Change {
            ADD("add", "add"), REPLACE("replace", "replace"), DELETE("delete", "del");

            private final String phrase;
            private final String ipVerb;

            Change(String phrase, String ipVerb) {
                this.phrase = phrase;
                this.ipVerb = ipVerb;
            }
        }

        public static ObjectChange add(KernelObject object, SourceLocation where) {
            return new ObjectChange(Change.ADD, object, null, where);
        }

        public static ObjectChange replace(KernelObject object, KernelObject was, SourceLocation where) {
            return new ObjectChange(Change.REPLACE, object, was, where);
        }

        public static ObjectChange delete(KernelObject object, SourceLocation where) {
            return new ObjectChange(Change.DELETE, object, null, where);
        }

        @Override
        public String link() {
            return object.link();
        }

        @Override
        public Phase phase() {
            return change == Change.DELETE ? object.deletePhase() : object.addPhase();
        }

        @Override
        public Write write(EncodeContext ctx) {
            return rtnl(switch (change) {
                case ADD -> object.add(ctx);
                case REPLACE -> object.replace(ctx);
                case DELETE -> object.delete(ctx);
            });
        }

        @Override
        public String ipCommand() {
            return object.ipCommand(change.ipVerb);
        }

        @Override
        public List<Step> inverse() {
            return List.of(switch (change) {
                case ADD -> delete(object, null);
                case REPLACE -> replace(was, object, null);
                case DELETE -> add(object, null);
            });
        }

        @Override
        public String operation() {
            return change.phrase + " " + object.noun();
        }
    }
}
