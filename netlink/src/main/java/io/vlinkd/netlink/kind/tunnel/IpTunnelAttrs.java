package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;

/**
 * {@code IFLA_IPTUN_*} (linux/if_tunnel.h): the IFLA_INFO_DATA of ipip, sit and ip6tnl. Wire types as the kernel's
 * policies (ipip.c, sit.c, ip6_tunnel.c) read them and as iproute2 writes them (link_iptnl.c, link_ip6tnl.c).
 */
public final class IpTunnelAttrs {
    private IpTunnelAttrs() {
    }

    public static final Attr IFLA_IPTUN_LINK = Attr.of("IFLA_IPTUN_LINK", 1, AttrType.U32);
    /** IPv4 for ipip/sit, IPv6 for ip6tnl: the length tells which. */
    public static final Attr IFLA_IPTUN_LOCAL = Attr.of("IFLA_IPTUN_LOCAL", 2, AttrType.IP_ADDR);
    public static final Attr IFLA_IPTUN_REMOTE = Attr.of("IFLA_IPTUN_REMOTE", 3, AttrType.IP_ADDR);
    /** ttl (ipip, sit) or hop limit (ip6tnl); 0 = inherit from the inner packet. */
    public static final Attr IFLA_IPTUN_TTL = Attr.of("IFLA_IPTUN_TTL", 4, AttrType.U8);
    /** IPv4 tos byte; an odd value (bit 0) means "inherit". */
    public static final Attr IFLA_IPTUN_TOS = Attr.of("IFLA_IPTUN_TOS", 5, AttrType.U8);
    public static final Attr IFLA_IPTUN_ENCAP_LIMIT = Attr.of("IFLA_IPTUN_ENCAP_LIMIT", 6, AttrType.U8);
    /** ip6tnl: traffic class (bits 20..27) and flow label (bits 0..19), network byte order. */
    public static final Attr IFLA_IPTUN_FLOWINFO = Attr.of("IFLA_IPTUN_FLOWINFO", 7, AttrType.BE32);
    /** u32 for ip6tnl (IP6_TNL_F_*); sit writes it as a u16 (SIT_ISATAP), read leniently by length. */
    public static final Attr IFLA_IPTUN_FLAGS = Attr.of("IFLA_IPTUN_FLAGS", 8, AttrType.U32);
    public static final Attr IFLA_IPTUN_PROTO = Attr.of("IFLA_IPTUN_PROTO", 9, AttrType.U8);
    public static final Attr IFLA_IPTUN_PMTUDISC = Attr.of("IFLA_IPTUN_PMTUDISC", 10, AttrType.U8);
    public static final Attr IFLA_IPTUN_6RD_PREFIX = Attr.of("IFLA_IPTUN_6RD_PREFIX", 11, AttrType.IN6_ADDR);
    public static final Attr IFLA_IPTUN_6RD_RELAY_PREFIX = Attr.of("IFLA_IPTUN_6RD_RELAY_PREFIX", 12,
            AttrType.IN_ADDR);
    public static final Attr IFLA_IPTUN_6RD_PREFIXLEN = Attr.of("IFLA_IPTUN_6RD_PREFIXLEN", 13, AttrType.U16);
    public static final Attr IFLA_IPTUN_6RD_RELAY_PREFIXLEN = Attr.of("IFLA_IPTUN_6RD_RELAY_PREFIXLEN", 14,
            AttrType.U16);
    public static final Attr IFLA_IPTUN_ENCAP_TYPE = Attr.of("IFLA_IPTUN_ENCAP_TYPE", 15, AttrType.U16);
    public static final Attr IFLA_IPTUN_ENCAP_FLAGS = Attr.of("IFLA_IPTUN_ENCAP_FLAGS", 16, AttrType.U16);
    public static final Attr IFLA_IPTUN_ENCAP_SPORT = Attr.of("IFLA_IPTUN_ENCAP_SPORT", 17, AttrType.BE16);
    public static final Attr IFLA_IPTUN_ENCAP_DPORT = Attr.of("IFLA_IPTUN_ENCAP_DPORT", 18, AttrType.BE16);
    public static final Attr IFLA_IPTUN_COLLECT_METADATA = Attr.of("IFLA_IPTUN_COLLECT_METADATA", 19,
            AttrType.FLAG);
    public static final Attr IFLA_IPTUN_FWMARK = Attr.of("IFLA_IPTUN_FWMARK", 20, AttrType.U32);

    public static final AttrSpace SPACE = AttrSpace.of("IFLA_IPTUN", IFLA_IPTUN_LINK, IFLA_IPTUN_LOCAL,
            IFLA_IPTUN_REMOTE, IFLA_IPTUN_TTL, IFLA_IPTUN_TOS, IFLA_IPTUN_ENCAP_LIMIT, IFLA_IPTUN_FLOWINFO,
            IFLA_IPTUN_FLAGS, IFLA_IPTUN_PROTO, IFLA_IPTUN_PMTUDISC, IFLA_IPTUN_6RD_PREFIX,
            IFLA_IPTUN_6RD_RELAY_PREFIX, IFLA_IPTUN_6RD_PREFIXLEN, IFLA_IPTUN_6RD_RELAY_PREFIXLEN,
            IFLA_IPTUN_ENCAP_TYPE, IFLA_IPTUN_ENCAP_FLAGS, IFLA_IPTUN_ENCAP_SPORT, IFLA_IPTUN_ENCAP_DPORT,
            IFLA_IPTUN_COLLECT_METADATA, IFLA_IPTUN_FWMARK);

    /** IPPROTO_IPIP: ipip mode ipip, ip6tnl mode ipip6, sit mode ipip. */
    public static final int IPPROTO_IPIP = 4;
    /** IPPROTO_IPV6: sit mode ip6ip, ip6tnl mode ip6ip6. */
    public static final int IPPROTO_IPV6 = 41;
    /** IPPROTO_MPLS: ipip/sit mode mplsip. */
    public static final int IPPROTO_MPLS = 137;

    /** TUNNEL_ENCAP_FLAG_CSUM6: iproute2's default ENCAP_FLAGS for ip6tnl and ip6gre (link_ip6tnl.c). */
    public static final int TUNNEL_ENCAP_FLAG_CSUM6 = 1 << 1;

    /** linux/ip6_tunnel.h flags (IFLA_IPTUN_FLAGS of ip6tnl, IFLA_GRE_FLAGS of ip6gre). */
    public static final int IP6_TNL_F_IGN_ENCAP_LIMIT = 0x1;
    public static final int IP6_TNL_F_USE_ORIG_TCLASS = 0x2;
    public static final int IP6_TNL_F_USE_ORIG_FLOWLABEL = 0x4;

    /** IPV6_DEFAULT_TNL_ENCAP_LIMIT and DEFAULT_TNL_HOP_LIMIT: iproute2's (and the kernel's) defaults. */
    public static final int DEFAULT_ENCAP_LIMIT = 4;
    public static final int DEFAULT_HOP_LIMIT = 64;
}
