package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A virtual Ethernet pair (drivers/net/veth.c). See {@link VethSpec} for a config example and the equivalent
 * {@code ip} command.
 *
 * <p>Everything is create-only: veth has no {@code changelink} (the kernel answers EOPNOTSUPP to
 * {@code ip link set v0 type veth ...}). The peer's MAC could be set on the peer itself, but vlinkd treats the pair
 * as one unit and re-creates it. What a dump of one end shows of the peer, and so which differences are reported,
 * is described in {@link PeerLink}.
 */
public final class VethKind extends AbstractLinkKind<VethSpec> {
    /** {@code VETH_INFO_PEER} (linux/veth.h): struct ifinfomsg, then the peer's IFLA_* attributes. */
    public static final Attr VETH_INFO_PEER = Attr.of("VETH_INFO_PEER", 1, AttrType.NESTED);
    private static final AttrSpace SPACE = AttrSpace.of("VETH_INFO", VETH_INFO_PEER);

    private static final List<Option> OPTIONS = List.of(
            Option.createOnly("peer", ValueType.peerName(), "2.6.24",
                    "VETH_INFO_PEER/IFLA_IFNAME: the other end's name (required)"),
            Option.createOnly("peer-mac", ValueType.mac(), "2.6.24",
                    "VETH_INFO_PEER/IFLA_ADDRESS: the other end's MAC address"),
            Option.createOnly("peer-netns", new ValueType.Text(255), "3.0",
                    "VETH_INFO_PEER/IFLA_NET_NS_FD: the named network namespace (ip netns) the other end lives in"));

    public static final VethKind INSTANCE = new VethKind();

    private VethKind() {
        super("veth", VethSpec.class, SPACE, OPTIONS);
    }

    @Override
    public VethSpec fromOptions(OptionValues v, LinkCommon common, Problems problems) {
        Optional<String> peer = v.string("peer");
        if (peer.isEmpty()) {
            problems.add(null, "a veth needs a peer name (veth: { peer: NAME }): the pair is created as one unit");
        } else if (peer.get().equals(common.name()) && !v.has("peer-netns")) {
            problems.add("peer", "the peer of " + common.name() + " cannot have the same name in the same "
                    + "namespace");
        }
        v.mac("peer-mac").ifPresent(m -> {
            if (m.isMulticast() || m.isZero()) {
                problems.add("peer-mac", "peer-mac " + m + " is not a unicast address");
            }
        });
        v.string("peer-netns").ifPresent(ns -> {
            if (ns.isEmpty() || ns.contains("/") || ns.equals(".") || ns.equals("..")) {
                problems.add("peer-netns", "peer-netns must be a namespace name as ip netns shows it, not " + ns);
            }
        });
        return new VethSpec(peer, v.mac("peer-mac"), v.string("peer-netns"), Optional.empty());
    }

    @Override
    public OptionValues toOptions(VethSpec s) {
        return OptionValues.builder().put("peer", s.peer()).put("peer-mac", s.peerMac())
                .put("peer-netns", s.peerNetns()).build();
    }

    /** A peer is always named on create, so the nest is written even when nothing else is set. */
    @Override
    public boolean writesInfoData(VethSpec spec) {
        return spec.peer().isPresent();
    }

    @Override
    public void encodeCreate(VethSpec s, EncodeContext ctx, MessageWriter w) {
        s.peer().ifPresent(p -> PeerLink.write(VETH_INFO_PEER, p, s.peerMac(), s.peerNetns(), ctx, w));
    }

    /** Nothing changes in place: veth has no changelink. */
    @Override
    public void encodeChange(VethSpec desired, EncodeContext ctx, MessageWriter w) {
    }

    /** A change request carries no VETH info data (an empty nest would still be refused with EOPNOTSUPP). */
    @Override
    public VethSpec decode(Attrs data, DecodeContext ctx) throws MalformedMessageException {
        PeerLink.Observed peer = PeerLink.read(VETH_INFO_PEER, data, ctx);
        return new VethSpec(peer.name(), peer.mac(), Optional.empty(), peer.netnsId());
    }

    @Override
    public List<String> ipArgs(VethSpec s) {
        List<String> a = new ArrayList<>();
        s.peer().ifPresent(p -> {
            a.add("peer");
            a.add("name");
            a.add(p);
        });
        s.peerMac().ifPresent(m -> {
            a.add("address");
            a.add(m.toString());
        });
        s.peerNetns().ifPresent(ns -> {
            a.add("netns");
            a.add(ns);
        });
        return a;
    }

    /** Only what one end can observe of its peer is compared; see {@link PeerLink#differences}. */
    @Override
    public List<Difference> differences(VethSpec desired, VethSpec observed) {
        return PeerLink.differences(desired.peer(), desired.peerNetns(), observed.peer(), observed.peerNetnsId());
    }
}
