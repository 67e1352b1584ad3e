package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MacAddress;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.RawAttr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The far end of a pair link (veth, vxcan), created in the same request: {@code VETH_INFO_PEER} /
 * {@code VXCAN_INFO_PEER} hold a {@code struct ifinfomsg} and then the peer's own link attributes, as
 * {@code veth_newlink} and {@code vxcan_newlink} parse them with {@code rtnl_nla_parse_ifinfomsg}.
 *
 * <p>What the other side can see: the kernel dumps no *_INFO_PEER. A dump of one end shows only IFLA_LINK, the
 * peer's ifindex, and, when the peer lives in another namespace, IFLA_LINK_NETNSID (a number, not the
 * {@code ip netns} name). So from one end vlinkd can observe the peer's name while both ends share a namespace,
 * and only "elsewhere" otherwise; the peer's MAC address and its namespace's name are not observable at all.
 * {@link #differences} compares only what is observable; everything else is trusted as created.
 */
public final class PeerLink {
    private PeerLink() {
    }

    /** The peer as a dump of this end shows it; every field empty when the context knows nothing. */
    public record Observed(Optional<String> name, Optional<MacAddress> mac, Optional<Integer> netnsId) {
        static final Observed NOTHING = new Observed(Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The {@code peer} option: the peer's IFLA_IFNAME inside {@code peerNest}, create-only like the whole pair. */
    static Option nameOption(Attr peerNest, String since) {
        return Option.createOnly("peer", ValueType.peerName(), since,
                peerNest.name() + "/IFLA_IFNAME: the other end's name (required)")
                .ip(v -> List.of("peer", "name", (String) v));
    }

    /** The {@code peer-netns} option: the namespace the peer is created in (IFLA_NET_NS_FD inside the nest). */
    static Option netnsOption(Attr peerNest, String since) {
        return Option.createOnly("peer-netns", new ValueType.Text(255), since,
                peerNest.name() + "/IFLA_NET_NS_FD: the named network namespace (ip netns) the other end lives in")
                .ip(IpWords.keyValue("netns"));
    }

    /**
     * The configured peer name of a {@code kind} pair: required, since both ends are created in one request, and not
     * this link's own name unless the peer goes to another namespace.
     */
    static void checkName(String kind, OptionValues v, LinkCommon common, Problems problems) {
        Optional<String> peer = v.string("peer");
        if (peer.isEmpty()) {
            problems.add(null, "a " + kind + " needs a peer name (" + kind
                    + ": { peer: NAME }): the pair is created as one unit");
        } else if (peer.get().equals(common.name()) && !v.has("peer-netns")) {
            problems.add("peer", "the peer of " + common.name() + " cannot have the same name in the same "
                    + "namespace");
        }
    }

    /** The configured peer-netns: a name as {@code ip netns} shows it (a file under /run/netns), not a path. */
    static void checkNetns(OptionValues v, Problems problems) {
        v.string("peer-netns").ifPresent(ns -> {
            if (ns.isEmpty() || ns.contains("/") || ns.equals(".") || ns.equals("..")) {
                problems.add("peer-netns", "peer-netns must be a namespace name as ip netns shows it, not " + ns);
            }
        });
    }

    /**
     * Writes the peer nest in iproute2's order ({@code peer name N address M netns NS} sends IFLA_ADDRESS,
     * IFLA_NET_NS_FD, then IFLA_IFNAME: iplink_parse() adds the name last), after an all-zero ifinfomsg.
     */
    static void write(Attr peerNest, String name, Optional<MacAddress> mac, Optional<String> netns,
                      EncodeContext ctx, MessageWriter w) {
        try (var peer = w.nest(peerNest)) {
            IfInfoMsg.of(0).writeTo(w);
            mac.ifPresent(m -> w.putMac(Ifla.IFLA_ADDRESS, m));
            netns.ifPresent(ns -> w.putInt(Ifla.IFLA_NET_NS_FD, ctx.netnsFd(ns)));
            w.putString(Ifla.IFLA_IFNAME, name);
        }
    }

    /**
     * Reads the peer: from the peer nest when {@code data} has one (a request, as in a golden capture), else from
     * the context's IFLA_LINK and IFLA_LINK_NETNSID (a dump).
     */
    static Observed read(Attr peerNest, Attrs data, DecodeContext ctx) throws MalformedMessageException {
        Optional<RawAttr> nest = data.raw(peerNest);
        if (nest.isPresent()) {
            RawAttr r = nest.get();
            if (r.length() < IfInfoMsg.LENGTH) {
                throw new MalformedMessageException(peerNest.name() + ": " + r.length()
                        + " bytes, too short for its struct ifinfomsg");
            }
            Attrs peer = Attrs.parse(r.buf(), r.offset() + IfInfoMsg.LENGTH, r.length() - IfInfoMsg.LENGTH);
            return new Observed(peer.string(Ifla.IFLA_IFNAME), peer.mac(Ifla.IFLA_ADDRESS), Optional.empty());
        }
        if (ctx.linkNetnsId().isPresent()) {
            return new Observed(Optional.empty(), Optional.empty(), ctx.linkNetnsId());
        }
        if (ctx.link().isPresent()) {
            return new Observed(ctx.nameOf(ctx.link().get()), Optional.empty(), Optional.empty());
        }
        return Observed.NOTHING;
    }

    /**
     * The observable differences, all re-create (neither veth nor vxcan has a changelink: the kernel answers
     * EOPNOTSUPP): the peer's name while it shares this namespace, and where the peer lives (here or elsewhere)
     * when the config names a peer-netns. The peer's MAC, and which other namespace holds it, are not observable
     * from this end and never reported.
     */
    static List<Difference> differences(Optional<String> desiredName, Optional<String> desiredNetns,
                                        Optional<String> observedName, Optional<Integer> observedNetnsId) {
        List<Difference> out = new ArrayList<>();
        boolean peerHere = observedName.isPresent() && observedNetnsId.isEmpty();
        if (desiredNetns.isEmpty() && desiredName.isPresent() && peerHere
                && !desiredName.equals(observedName)) {
            out.add(new Difference("peer", desiredName.get(), observedName.get(), Option.Change.RECREATE,
                    "a pair link's peer cannot be renamed through this end"));
        }
        if (desiredNetns.isPresent() && peerHere) {
            out.add(new Difference("peer-netns", desiredNetns.get(), null, Option.Change.RECREATE,
                    "the peer " + observedName.get() + " is in this namespace; it is created in its namespace"));
        }
        if (desiredNetns.isEmpty() && desiredName.isPresent() && observedNetnsId.isPresent()) {
            out.add(new Difference("peer", desiredName.get(), "in netnsid " + observedNetnsId.get(),
                    Option.Change.RECREATE, "the peer is in another namespace; the config wants it in this one"));
        }
        return out;
    }
}
