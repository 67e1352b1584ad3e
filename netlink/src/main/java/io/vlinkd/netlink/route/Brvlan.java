package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrType;

/**
 * A bridge's VLAN attributes inside IFLA_AF_SPEC of an AF_BRIDGE link message ({@code <linux/if_bridge.h>}:
 * IFLA_BRIDGE_*, BRIDGE_VLAN_INFO_*, IFLA_BRIDGE_VLAN_TUNNEL_*) and the dump filter that asks for them
 * ({@code <linux/rtnetlink.h>}: RTEXT_FILTER_BRVLAN).
 */
public final class Brvlan {
    private Brvlan() {
    }

    /** BRIDGE_FLAGS_SELF: the request is for the bridge device itself, not a port. */
    public static final Attr IFLA_BRIDGE_FLAGS = Attr.of("IFLA_BRIDGE_FLAGS", 0, AttrType.U16);
    /** {@code struct bridge_vlan_info}: u16 flags, u16 vid. */
    public static final Attr IFLA_BRIDGE_VLAN_INFO = Attr.of("IFLA_BRIDGE_VLAN_INFO", 2, AttrType.BINARY);
    /** One VLAN-to-tunnel mapping (or one end of a range of them): ID, VID, FLAGS. */
    public static final Attr IFLA_BRIDGE_VLAN_TUNNEL_INFO = Attr.of("IFLA_BRIDGE_VLAN_TUNNEL_INFO", 3,
            AttrType.NESTED);
    public static final Attr IFLA_BRIDGE_VLAN_TUNNEL_ID = Attr.of("IFLA_BRIDGE_VLAN_TUNNEL_ID", 1, AttrType.U32);
    public static final Attr IFLA_BRIDGE_VLAN_TUNNEL_VID = Attr.of("IFLA_BRIDGE_VLAN_TUNNEL_VID", 2, AttrType.U16);
    public static final Attr IFLA_BRIDGE_VLAN_TUNNEL_FLAGS = Attr.of("IFLA_BRIDGE_VLAN_TUNNEL_FLAGS", 3,
            AttrType.U16);

    public static final int BRIDGE_FLAGS_SELF = 2;
    public static final int BRIDGE_VLAN_INFO_PVID = 1 << 1;
    public static final int BRIDGE_VLAN_INFO_UNTAGGED = 1 << 2;
    public static final int BRIDGE_VLAN_INFO_RANGE_BEGIN = 1 << 3;
    public static final int BRIDGE_VLAN_INFO_RANGE_END = 1 << 4;

    /** IFLA_EXT_MASK bit: every port's and bridge's VLANs, one IFLA_BRIDGE_VLAN_INFO per VLAN. */
    public static final int RTEXT_FILTER_BRVLAN = 1 << 1;
}
