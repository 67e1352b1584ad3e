package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.wire.AttrType.BINARY;
import static io.vlinkd.netlink.wire.AttrType.IP_ADDR;
import static io.vlinkd.netlink.wire.AttrType.NESTED;
import static io.vlinkd.netlink.wire.AttrType.U32;
import static io.vlinkd.netlink.wire.AttrType.U8;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;

/** Route attributes ({@code enum rtattr_type_t} in {@code <linux/rtnetlink.h>}). */
public final class Rta {
    private Rta() {
    }

    public static final Attr RTA_DST = Attr.of("RTA_DST", 1, IP_ADDR);
    public static final Attr RTA_SRC = Attr.of("RTA_SRC", 2, IP_ADDR);
    public static final Attr RTA_IIF = Attr.of("RTA_IIF", 3, U32);
    public static final Attr RTA_OIF = Attr.of("RTA_OIF", 4, U32);
    public static final Attr RTA_GATEWAY = Attr.of("RTA_GATEWAY", 5, IP_ADDR);
    public static final Attr RTA_PRIORITY = Attr.of("RTA_PRIORITY", 6, U32);
    public static final Attr RTA_PREFSRC = Attr.of("RTA_PREFSRC", 7, IP_ADDR);
    public static final Attr RTA_METRICS = Attr.of("RTA_METRICS", 8, NESTED);
    public static final Attr RTA_MULTIPATH = Attr.of("RTA_MULTIPATH", 9, BINARY);
    public static final Attr RTA_FLOW = Attr.of("RTA_FLOW", 11, U32);
    public static final Attr RTA_CACHEINFO = Attr.of("RTA_CACHEINFO", 12, BINARY);
    public static final Attr RTA_TABLE = Attr.of("RTA_TABLE", 15, U32);
    public static final Attr RTA_MARK = Attr.of("RTA_MARK", 16, U32);
    public static final Attr RTA_VIA = Attr.of("RTA_VIA", 18, BINARY);
    public static final Attr RTA_PREF = Attr.of("RTA_PREF", 20, U8);
    public static final Attr RTA_EXPIRES = Attr.of("RTA_EXPIRES", 23, U32);
    public static final Attr RTA_UID = Attr.of("RTA_UID", 25, U32);
    /** The nexthop object a route uses (kernel 5.3+, {@code ip route add ... nhid N}). */
    public static final Attr RTA_NH_ID = Attr.of("RTA_NH_ID", 30, U32);

    public static final AttrSpace SPACE = AttrSpace.of("RTA", RTA_DST, RTA_SRC, RTA_IIF, RTA_OIF, RTA_GATEWAY,
            RTA_PRIORITY, RTA_PREFSRC, RTA_METRICS, RTA_MULTIPATH, RTA_FLOW, RTA_CACHEINFO, RTA_TABLE, RTA_MARK,
            RTA_VIA, RTA_PREF, RTA_EXPIRES, RTA_UID, RTA_NH_ID);

    /** {@code RTA_METRICS} nest ({@code RTAX_*}). */
    public static final Attr RTAX_MTU = Attr.of("RTAX_MTU", 2, U32);
}
