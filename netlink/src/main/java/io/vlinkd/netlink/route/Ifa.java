package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.wire.AttrType.BINARY;
import static io.vlinkd.netlink.wire.AttrType.IP_ADDR;
import static io.vlinkd.netlink.wire.AttrType.STRING;
import static io.vlinkd.netlink.wire.AttrType.U32;
import static io.vlinkd.netlink.wire.AttrType.U8;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;

/** Address attributes ({@code enum IFA_*} in {@code <linux/if_addr.h>}). */
public final class Ifa {
    private Ifa() {
    }

    public static final Attr IFA_ADDRESS = Attr.of("IFA_ADDRESS", 1, IP_ADDR);
    public static final Attr IFA_LOCAL = Attr.of("IFA_LOCAL", 2, IP_ADDR);
    public static final Attr IFA_LABEL = Attr.of("IFA_LABEL", 3, STRING);
    public static final Attr IFA_BROADCAST = Attr.of("IFA_BROADCAST", 4, IP_ADDR);
    public static final Attr IFA_ANYCAST = Attr.of("IFA_ANYCAST", 5, IP_ADDR);
    /** {@code struct ifa_cacheinfo}: prefered, valid, cstamp, tstamp (u32 each). */
    public static final Attr IFA_CACHEINFO = Attr.of("IFA_CACHEINFO", 6, BINARY);
    public static final Attr IFA_MULTICAST = Attr.of("IFA_MULTICAST", 7, IP_ADDR);
    public static final Attr IFA_FLAGS = Attr.of("IFA_FLAGS", 8, U32);
    public static final Attr IFA_RT_PRIORITY = Attr.of("IFA_RT_PRIORITY", 9, U32);
    public static final Attr IFA_TARGET_NETNSID = Attr.of("IFA_TARGET_NETNSID", 10, U32);
    public static final Attr IFA_PROTO = Attr.of("IFA_PROTO", 11, U8);

    public static final AttrSpace SPACE = AttrSpace.of("IFA", IFA_ADDRESS, IFA_LOCAL, IFA_LABEL, IFA_BROADCAST,
            IFA_ANYCAST, IFA_CACHEINFO, IFA_MULTICAST, IFA_FLAGS, IFA_RT_PRIORITY, IFA_TARGET_NETNSID, IFA_PROTO);
}
