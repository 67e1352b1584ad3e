package io.vlinkd.netlink.link;

import static io.vlinkd.netlink.wire.Netlink.NLM_F_ACK;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_CREATE;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_DUMP;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_EXCL;

import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * Builds the rtnetlink link requests, in the attribute order iproute2 uses for the equivalent command (so golden
 * captures compare byte for byte): the common attributes in command-line order, then IFLA_IFNAME, then
 * IFLA_LINKINFO with the kind's IFLA_INFO_DATA.
 */
public final class LinkRequests {
    private LinkRequests() {
    }

    /**
     * {@code ip link add [link P] NAME [up] [mtu N] [address M] [txqueuelen N] [master B] [alias A] [netns NS]
     * type KIND ...}, attributes in the order iproute2 6.1 sends them for that command line.
     */
    public static NlRequest create(LinkSpec s, EncodeContext ctx) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
        boolean up = s.state().orElse(AdminState.DOWN) == AdminState.UP;
        new IfInfoMsg(Rtnl.AF_UNSPEC, 0, 0, up ? Rtnl.IFF_UP : 0, up ? Rtnl.IFF_UP : 0).writeTo(w);
        writeCommon(s, ctx, w);
        s.netns().ifPresent(ns -> w.putInt(Ifla.IFLA_NET_NS_FD, ctx.netnsFd(ns)));
        // iproute2 (6.1 iplink_modify) appends IFLA_LINK after every option it parsed, just before IFLA_IFNAME:
        // golden/link/create-all-common.txt.
        s.link().ifPresent(p -> w.putInt(Ifla.IFLA_LINK, ctx.ifindex(p)));
        w.putString(Ifla.IFLA_IFNAME, s.name());
        writeLinkInfo(s.kind(), s.spec(), ctx, w, true);
        return w.finish("RTM_NEWLINK " + s.name() + " (" + s.kindName() + ")");
    }

    /**
     * An in-place change of an existing link ({@code ip link set dev NAME [mtu N] ... type KIND ...}): the
     * common settings that are managed, and the kind's changeable options. Up/down is its own request
     * ({@link #setState}), so that the order of the change and the state is explicit in a plan.
     */
    public static NlRequest change(int index, LinkSpec s, EncodeContext ctx) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, NLM_F_ACK);
        IfInfoMsg.of(index).writeTo(w);
        writeCommon(s, ctx, w);
        // An existing interface (no kind), or a change of common settings only: no IFLA_LINKINFO, so the
        // kernel does not call the kind's changelink at all.
        if (s.kind() != null && s.spec() != null) {
            writeLinkInfo(s.kind(), s.spec(), ctx, w, false);
        }
        return w.finish("RTM_NEWLINK " + s.name() + " (" + s.kindName() + ", change)");
    }

    /** {@code ip link set dev NAME up|down}. */
    public static NlRequest setState(int index, String name, AdminState state) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, NLM_F_ACK);
        new IfInfoMsg(Rtnl.AF_UNSPEC, 0, index, state == AdminState.UP ? Rtnl.IFF_UP : 0, Rtnl.IFF_UP).writeTo(w);
        return w.finish("RTM_NEWLINK " + name + " (" + state.name().toLowerCase() + ")");
    }

    /** {@code ip link set dev NAME master M} ({@code masterIndex} > 0) or {@code nomaster} (0). */
    public static NlRequest setMaster(int index, String name, int masterIndex) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, NLM_F_ACK);
        IfInfoMsg.of(index).writeTo(w);
        w.putInt(Ifla.IFLA_MASTER, masterIndex);
        return w.finish("RTM_NEWLINK " + name + (masterIndex == 0 ? " (nomaster)" : " (master)"));
    }

    /** {@code ip link del dev NAME}. */
    public static NlRequest delete(int index, String name) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_DELLINK, NLM_F_ACK);
        IfInfoMsg.of(index).writeTo(w);
        return w.finish("RTM_DELLINK " + name);
    }

    /** {@code ip link del dev NAME}, by name (when the index is not known). */
    public static NlRequest deleteByName(String name) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_DELLINK, NLM_F_ACK);
        IfInfoMsg.of(0).writeTo(w);
        w.putString(Ifla.IFLA_IFNAME, name);
        return w.finish("RTM_DELLINK " + name);
    }

    /** A dump of every link, as {@code ip -d link show} asks for it. */
    public static NlRequest dump() {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETLINK, NLM_F_DUMP);
        IfInfoMsg.of(0).writeTo(w);
        return w.finish("RTM_GETLINK dump");
    }

    /**
     * A dump of every link without the counters ({@code RTEXT_FILTER_SKIP_STATS}): IFLA_STATS, IFLA_STATS64 and
     * IPv6's per-device statistics are a third of a link message, and comparing state never reads them. What the
     * reconciler observes with. A kernel that predates the bit ignores it and sends the counters.
     */
    public static NlRequest dumpWithoutStats() {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETLINK, NLM_F_DUMP);
        IfInfoMsg.of(0).writeTo(w);
        w.putInt(Ifla.IFLA_EXT_MASK, Ifla.RTEXT_FILTER_SKIP_STATS);
        return w.finish("RTM_GETLINK dump without stats");
    }

    /** One link by index, as {@link #dumpWithoutStats} reports each (its answer is the same fill as a dump's). */
    public static NlRequest getWithoutStats(int index) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETLINK, 0);
        IfInfoMsg.of(index).writeTo(w);
        w.putInt(Ifla.IFLA_EXT_MASK, Ifla.RTEXT_FILTER_SKIP_STATS);
        return w.finish("RTM_GETLINK " + index + " without stats");
    }

    /** One link by name. */
    public static NlRequest get(String name) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETLINK, 0);
        IfInfoMsg.of(0).writeTo(w);
        w.putString(Ifla.IFLA_IFNAME, name);
        return w.finish("RTM_GETLINK " + name);
    }

    private static void writeCommon(LinkSpec s, EncodeContext ctx, MessageWriter w) {
        s.mtu().ifPresent(m -> w.putInt(Ifla.IFLA_MTU, m));
        s.mac().ifPresent(m -> w.putMac(Ifla.IFLA_ADDRESS, m));
        s.txqueuelen().ifPresent(q -> w.putInt(Ifla.IFLA_TXQLEN, q));
        s.master().ifPresent(m -> w.putInt(Ifla.IFLA_MASTER, ctx.ifindex(m)));
        s.alias().ifPresent(a -> w.putString(Ifla.IFLA_IFALIAS, a));
    }

    /**
     * Whether a change carries IFLA_INFO_DATA: only when an in-place option is set. The kernel refuses any
     * IFLA_INFO_DATA, even an empty one, for a kind without changelink (veth, vxcan, vrf: EOPNOTSUPP), so a change of
     * only common settings (mtu) must not send the nest.
     */
    private static <S extends KindSpec> boolean changesInPlace(LinkKind<S> kind, S spec) {
        var set = kind.toOptions(spec);
        return kind.options().stream().anyMatch(o -> o.change() == Option.Change.IN_PLACE && set.has(o.key()));
    }

    private static <S extends KindSpec> void writeLinkInfo(LinkKind<S> kind, KindSpec spec, EncodeContext ctx,
                                                           MessageWriter w, boolean create) {
        S typed = kind.cast(spec);
        try (var info = w.nest(Ifla.IFLA_LINKINFO)) {
            w.putString(Ifla.IFLA_INFO_KIND, kind.name());
            if (create ? kind.writesInfoData(typed) : changesInPlace(kind, typed)) {
                try (var data = w.nest(Ifla.IFLA_INFO_DATA)) {
                    if (create) {
                        kind.encodeCreate(typed, ctx, w);
                    } else {
                        kind.encodeChange(typed, ctx, w);
                    }
                }
            }
        }
    }
}
