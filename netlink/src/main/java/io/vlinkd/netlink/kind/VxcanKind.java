package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import java.util.List;
import java.util.Optional;

/**
 * A vxcan pair. See {@link VxcanSpec} for a config example and the equivalent {@code ip} command.
 *
 * <p>Everything is create-only: {@code vxcan_link_ops} (drivers/net/can/vxcan.c) has no changelink, so the kernel
 * answers EOPNOTSUPP to any IFLA_INFO_DATA on an existing vxcan. The peer nest is the same as veth's
 * ({@link PeerLink}: VXCAN_INFO_PEER holds a struct ifinfomsg, then the peer's attributes), without a MAC.
 * This machine's kernel has no CAN; the kernel tests run in the full-kernel lane.
 */
public final class VxcanKind extends PairKind<VxcanSpec> {
    /** {@code VXCAN_INFO_PEER} (linux/can/vxcan.h): struct ifinfomsg, then the peer's IFLA_* attributes. */
    public static final Attr VXCAN_INFO_PEER = Attr.of("VXCAN_INFO_PEER", 1, AttrType.NESTED);
    private static final AttrSpace SPACE = AttrSpace.of("VXCAN_INFO", VXCAN_INFO_PEER);

    private static final List<Option> OPTIONS = List.of(
            PeerLink.nameOption(VXCAN_INFO_PEER, "4.12"),
            PeerLink.netnsOption(VXCAN_INFO_PEER, "4.12"));

    public static final VxcanKind INSTANCE = new VxcanKind();

    private VxcanKind() {
        super("vxcan", VxcanSpec.class, SPACE, VXCAN_INFO_PEER, OPTIONS);
    }

    @Override
    public MtuRule mtu() {
        return MtuRule.CAN;
    }

    @Override
    protected void validate(OptionValues v, LinkCommon common, Problems problems) {
        PeerLink.checkName(name(), v, common, problems);
        PeerLink.checkNetns(v, problems);
    }

    @Override
    protected VxcanSpec observed(PeerLink.Observed peer) {
        return new VxcanSpec(peer.name(), Optional.empty(), peer.netnsId());
    }
}
