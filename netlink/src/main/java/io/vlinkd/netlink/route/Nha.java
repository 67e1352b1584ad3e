package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.wire.AttrType.BINARY;
import static io.vlinkd.netlink.wire.AttrType.FLAG;
import static io.vlinkd.netlink.wire.AttrType.IP_ADDR;
import static io.vlinkd.netlink.wire.AttrType.NESTED;
import static io.vlinkd.netlink.wire.AttrType.U16;
import static io.vlinkd.netlink.wire.AttrType.U32;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;

/** Nexthop object attributes ({@code enum NHA_*} in {@code <linux/nexthop.h>}, kernel 5.3+). */
public final class Nha {
    private Nha() {
    }

    public static final Attr NHA_ID = Attr.of("NHA_ID", 1, U32);
    /** An array of {@code struct nexthop_grp}: u32 id, u8 weight - 1, u8 weight_high (6.12+), u16 reserved. */
    public static final Attr NHA_GROUP = Attr.of("NHA_GROUP", 2, BINARY);
    /** {@code NEXTHOP_GRP_TYPE_*}: 0 mpath (the default, not sent by iproute2), 1 resilient. */
    public static final Attr NHA_GROUP_TYPE = Attr.of("NHA_GROUP_TYPE", 3, U16);
    public static final Attr NHA_BLACKHOLE = Attr.of("NHA_BLACKHOLE", 4, FLAG);
    public static final Attr NHA_OIF = Attr.of("NHA_OIF", 5, U32);
    public static final Attr NHA_GATEWAY = Attr.of("NHA_GATEWAY", 6, IP_ADDR);
    public static final Attr NHA_ENCAP_TYPE = Attr.of("NHA_ENCAP_TYPE", 7, U16);
    public static final Attr NHA_ENCAP = Attr.of("NHA_ENCAP", 8, NESTED);
    /** A nexthop of a bridge's FDB (a VXLAN's remote): on no device, used by FDB entries and not by routes. */
    public static final Attr NHA_FDB = Attr.of("NHA_FDB", 11, FLAG);
    /** A resilient group's parameters, nested with NLA_F_NESTED as iproute2 sends it. */
    public static final Attr NHA_RES_GROUP = Attr.of("NHA_RES_GROUP", 12, NESTED);

    /** {@code NHA_RES_GROUP} nest. */
    public static final Attr NHA_RES_GROUP_BUCKETS = Attr.of("NHA_RES_GROUP_BUCKETS", 1, U16);
    /** clock_t (hundredths of a second, USER_HZ) as u32. */
    public static final Attr NHA_RES_GROUP_IDLE_TIMER = Attr.of("NHA_RES_GROUP_IDLE_TIMER", 2, U32);

    public static final int NEXTHOP_GRP_TYPE_MPATH = 0;
    public static final int NEXTHOP_GRP_TYPE_RES = 1;

    public static final AttrSpace SPACE = AttrSpace.of("NHA", NHA_ID, NHA_GROUP, NHA_GROUP_TYPE, NHA_BLACKHOLE,
            NHA_OIF, NHA_GATEWAY, NHA_ENCAP_TYPE, NHA_ENCAP, NHA_FDB, NHA_RES_GROUP);
}
