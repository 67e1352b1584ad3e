package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;

/**
 * {@code IFLA_GRE_*} (linux/if_tunnel.h): the IFLA_INFO_DATA of gre, gretap, ip6gre and ip6gretap. Keys and flags
 * are in network byte order, as in the GRE header (iproute2 link_gre.c writes the GRE_KEY bit as htons(0x2000)).
 */
public final class GreAttrs {
    private GreAttrs() {
    }

    public static final Attr IFLA_GRE_LINK = Attr.of("IFLA_GRE_LINK", 1, AttrType.U32);
    public static final Attr IFLA_GRE_IFLAGS = Attr.of("IFLA_GRE_IFLAGS", 2, AttrType.BE16);
    public static final Attr IFLA_GRE_OFLAGS = Attr.of("IFLA_GRE_OFLAGS", 3, AttrType.BE16);
    public static final Attr IFLA_GRE_IKEY = Attr.of("IFLA_GRE_IKEY", 4, AttrType.BE32);
    public static final Attr IFLA_GRE_OKEY = Attr.of("IFLA_GRE_OKEY", 5, AttrType.BE32);
    /** IPv4 for gre/gretap, IPv6 for ip6gre/ip6gretap. */
    public static final Attr IFLA_GRE_LOCAL = Attr.of("IFLA_GRE_LOCAL", 6, AttrType.IP_ADDR);
    public static final Attr IFLA_GRE_REMOTE = Attr.of("IFLA_GRE_REMOTE", 7, AttrType.IP_ADDR);
    /** ttl (gre) or hop limit (ip6gre); 0 = inherit. */
    public static final Attr IFLA_GRE_TTL = Attr.of("IFLA_GRE_TTL", 8, AttrType.U8);
    public static final Attr IFLA_GRE_TOS = Attr.of("IFLA_GRE_TOS", 9, AttrType.U8);
    public static final Attr IFLA_GRE_PMTUDISC = Attr.of("IFLA_GRE_PMTUDISC", 10, AttrType.U8);
    public static final Attr IFLA_GRE_ENCAP_LIMIT = Attr.of("IFLA_GRE_ENCAP_LIMIT", 11, AttrType.U8);
    public static final Attr IFLA_GRE_FLOWINFO = Attr.of("IFLA_GRE_FLOWINFO", 12, AttrType.BE32);
    public static final Attr IFLA_GRE_FLAGS = Attr.of("IFLA_GRE_FLAGS", 13, AttrType.U32);
    public static final Attr IFLA_GRE_ENCAP_TYPE = Attr.of("IFLA_GRE_ENCAP_TYPE", 14, AttrType.U16);
    public static final Attr IFLA_GRE_ENCAP_FLAGS = Attr.of("IFLA_GRE_ENCAP_FLAGS", 15, AttrType.U16);
    public static final Attr IFLA_GRE_ENCAP_SPORT = Attr.of("IFLA_GRE_ENCAP_SPORT", 16, AttrType.BE16);
    public static final Attr IFLA_GRE_ENCAP_DPORT = Attr.of("IFLA_GRE_ENCAP_DPORT", 17, AttrType.BE16);
    public static final Attr IFLA_GRE_COLLECT_METADATA = Attr.of("IFLA_GRE_COLLECT_METADATA", 18, AttrType.FLAG);
    public static final Attr IFLA_GRE_IGNORE_DF = Attr.of("IFLA_GRE_IGNORE_DF", 19, AttrType.U8);
    public static final Attr IFLA_GRE_FWMARK = Attr.of("IFLA_GRE_FWMARK", 20, AttrType.U32);
    public static final Attr IFLA_GRE_ERSPAN_INDEX = Attr.of("IFLA_GRE_ERSPAN_INDEX", 21, AttrType.U32);
    public static final Attr IFLA_GRE_ERSPAN_VER = Attr.of("IFLA_GRE_ERSPAN_VER", 22, AttrType.U8);
    public static final Attr IFLA_GRE_ERSPAN_DIR = Attr.of("IFLA_GRE_ERSPAN_DIR", 23, AttrType.U8);
    public static final Attr IFLA_GRE_ERSPAN_HWID = Attr.of("IFLA_GRE_ERSPAN_HWID", 24, AttrType.U16);

    public static final AttrSpace SPACE = AttrSpace.of("IFLA_GRE", IFLA_GRE_LINK, IFLA_GRE_IFLAGS, IFLA_GRE_OFLAGS,
            IFLA_GRE_IKEY, IFLA_GRE_OKEY, IFLA_GRE_LOCAL, IFLA_GRE_REMOTE, IFLA_GRE_TTL, IFLA_GRE_TOS,
            IFLA_GRE_PMTUDISC, IFLA_GRE_ENCAP_LIMIT, IFLA_GRE_FLOWINFO, IFLA_GRE_FLAGS, IFLA_GRE_ENCAP_TYPE,
            IFLA_GRE_ENCAP_FLAGS, IFLA_GRE_ENCAP_SPORT, IFLA_GRE_ENCAP_DPORT, IFLA_GRE_COLLECT_METADATA,
            IFLA_GRE_IGNORE_DF, IFLA_GRE_FWMARK, IFLA_GRE_ERSPAN_INDEX, IFLA_GRE_ERSPAN_VER, IFLA_GRE_ERSPAN_DIR,
            IFLA_GRE_ERSPAN_HWID);

    /** GRE header flag bits as host-order values of the big-endian 16-bit field (linux/if_tunnel.h). */
    public static final int GRE_CSUM = 0x8000;
    public static final int GRE_KEY = 0x2000;
    public static final int GRE_SEQ = 0x1000;
}
