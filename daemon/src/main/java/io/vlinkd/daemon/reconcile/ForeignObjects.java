package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.AbsentLink;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredRoute;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.state.OwnedAddress;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.route.Rtnl;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the {@link ForeignObject}s of one observation: on each interface the config defines, the links attached to
 * it (ports, links stacked on it), its addresses and the routes through it that are neither named by the config nor
 * created by vlinkd. Pure: desired state, observed state and ownership in, a sorted list out.
 *
 * <p>Not foreign: the configured links and their companions (a veth's peer), the links vlinkd owns (by name and
 * ifindex), {@code state: absent} entries (the config names them), the IPv6 link-local addresses the kernel makes
 * itself, the kernel's own routes (prefix routes, the local table, router advertisements), vlinkd's routes (its
 * protocol and a ledger record together: a route that only carries the number is listed), vlinkd's addresses, and
 * routes to a destination the config lists.
 */
public final class ForeignObjects {
    private ForeignObjects() {
    }

    /** @param protocol vlinkd's route protocol ({@link Planner#VLINKD_PROTOCOL} unless configured otherwise) */
    public static List<ForeignObject> find(DesiredState desired, ObservedState observed, Ownership owned,
                                           int protocol) {
        Map<Integer, DesiredLink> configured = new HashMap<>();
        Set<String> named = new HashSet<>();
        for (DesiredLink d : desired.links()) {
            named.add(d.name());
            named.addAll(KindTraits.companions(d.link().kind(), d.link().spec()));
            observed.link(d.name()).ifPresent(l -> configured.put(l.index(), d));
        }
        desired.absent().stream().map(AbsentLink::name).forEach(named::add);

        List<ForeignObject> out = new ArrayList<>();
        for (ObservedLink l : observed.links()) {
            if (named.contains(l.name()) || owned.owns(l.name(), l.index())) {
                continue;
            }
            if (configured.containsKey(l.master())) {
                String on = configured.get(l.master()).name();
                out.add(new ForeignObject(ForeignObject.Type.LINK, on, l.name(), kindOf(l) + ", port of " + on));
            } else if (l.linkNetnsId() < 0 && l.parent() != l.index() && configured.containsKey(l.parent())) {
                String on = configured.get(l.parent()).name();
                out.add(new ForeignObject(ForeignObject.Type.LINK, on, l.name(), kindOf(l) + ", on " + on));
            }
        }
        for (ObservedAddress a : observed.addresses()) {
            DesiredLink d = configured.get(a.index());
            if (d == null || a.isKernelLinkLocal() || d.addresses().stream().anyMatch(a::sameAs)
                    || owned.ownsAddress(new OwnedAddress(d.name(), a.index(), a.address(), a.prefixLength()))) {
                continue;
            }
            out.add(new ForeignObject(ForeignObject.Type.ADDRESS, d.name(),
                    IpText.format(a.address()) + "/" + a.prefixLength(), ""));
        }
        for (ObservedRoute r : observed.routes()) {
            DesiredLink d = configured.get(r.oif());
            boolean ours = r.protocol() == protocol && owned.ownsRoute(r.key().owned());
            if (d == null || r.isKernels() || ours || namedByConfig(desired, r)) {
                continue;
            }
            out.add(new ForeignObject(ForeignObject.Type.ROUTE, d.name(), destination(r), routeDetail(r)));
        }
        out.sort(Comparator.comparing(ForeignObject::iface).thenComparing(ForeignObject::type)
                .thenComparing(ForeignObject::object).thenComparing(ForeignObject::detail));
        return out;
    }

    private static String kindOf(ObservedLink l) {
        return l.kindName() == null ? "device" : l.kindName();
    }

    /** A route to a destination the config lists is the config's business (the planner notes a different one). */
    private static boolean namedByConfig(DesiredState desired, ObservedRoute r) {
        for (DesiredRoute dr : desired.routes()) {
            if (dr.route().prefixLength() == r.prefixLength() && dr.route().to().equals(r.dst())) {
                return true;
            }
        }
        return false;
    }

    private static String destination(ObservedRoute r) {
        if (r.prefixLength() == 0) {
            return r.isIpv4() ? "default" : "-6 default";
        }
        return IpText.format(r.dst()) + "/" + r.prefixLength();
    }

    /** In {@code ip route}'s words: {@code via 192.0.2.1 table main metric 100 proto boot}. */
    private static String routeDetail(ObservedRoute r) {
        StringBuilder sb = new StringBuilder();
        if (r.type() != Rtnl.RTN_UNICAST) {
            sb.append("type ").append(r.type()).append(' ');
        }
        if (r.gateway() != null) {
            sb.append("via ").append(IpText.format(r.gateway())).append(' ');
        }
        sb.append("table ").append(r.table() == Rtnl.RT_TABLE_MAIN ? "main" : Integer.toString(r.table()));
        sb.append(" metric ").append(r.priority());
        sb.append(" proto ").append(protocolName(r.protocol()));
        return sb.toString();
    }

    /** The names {@code ip route} prints ({@code /etc/iproute2/rt_protos}) for the protocols people meet. */
    private static String protocolName(int protocol) {
        return switch (protocol) {
            case Rtnl.RTPROT_BOOT -> "boot";
            case Rtnl.RTPROT_STATIC -> "static";
            case 16 -> "dhcp";
            default -> Integer.toString(protocol);
        };
    }
}
