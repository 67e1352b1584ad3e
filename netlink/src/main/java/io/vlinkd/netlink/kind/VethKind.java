package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
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
public final class VethKind extends PairKind<VethSpec> {
    /** {@code VETH_INFO_PEER} (linux/veth.h): struct ifinfomsg, then the peer's IFLA_* attributes. */
    public static final Attr VETH_INFO_PEER = Attr.of("VETH_INFO_PEER", 1, AttrType.NESTED);
    private static final AttrSpace SPACE = AttrSpace.of("VETH_INFO", VETH_INFO_PEER);

    private static final List<Option> OPTIONS = List.of(
            PeerLink.nameOption(VETH_INFO_PEER, "2.6.24"),
            Option.createOnly("peer-mac", ValueType.mac(), "2.6.24",
                    "VETH_INFO_PEER/IFLA_ADDRESS: the other end's MAC address").ip(IpWords.keyValue("address")),
            PeerLink.netnsOption(VETH_INFO_PEER, "3.0"));

    public static final VethKind INSTANCE = new VethKind();

    private VethKind() {
        super("veth", VethSpec.class, SPACE, VETH_INFO_PEER, OPTIONS);
    }

    @Override
    protected void validate(OptionValues v, LinkCommon common, Problems problems) {
        PeerLink.checkName(name(), v, common, problems);
        v.mac("peer-mac").ifPresent(m -> {
            if (m.isMulticast() || m.isZero()) {
                problems.add("peer-mac", "peer-mac " + m + " is not a unicast address");
            }
        });
        PeerLink.checkNetns(v, problems);
    }

    @Override
    protected VethSpec observed(PeerLink.Observed peer) {
        return new VethSpec(peer.name(), peer.mac(), Optional.empty(), peer.netnsId());
    }
}
