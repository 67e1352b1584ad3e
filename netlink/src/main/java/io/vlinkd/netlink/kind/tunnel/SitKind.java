package io.vlinkd.netlink.kind.tunnel;

import java.util.Map;

/**
 * A sit tunnel: IPv6 (or, with {@code mode}, IPv4/MPLS) over IPv4 (net/ipv6/sit.c). 6rd and ISATAP are not offered.
 * Same options, attributes, spec and change rules as {@link IpipKind}, with sit's modes and FLAGS attribute.
 *
 * <pre>
 * - name: sit1
 *   kind: sit
 *   sit: { local: 192.0.2.1, remote: 198.51.100.1, ttl: 64 }
 * </pre>
 * Equivalent to: {@code ip link add sit1 type sit local 192.0.2.1 remote 198.51.100.1 ttl 64}.
 */
public final class SitKind {
    /** link_iptnl.c: sit takes ip6ip (IPPROTO_IPV6), ipip, mplsip, or any (0, iproute2's default). */
    private static final TunnelModes MODES = TunnelModes.of(Map.entry("any", 0),
            Map.entry("ip6ip", IpTunnelAttrs.IPPROTO_IPV6), Map.entry("ipip", IpTunnelAttrs.IPPROTO_IPIP),
            Map.entry("mplsip", IpTunnelAttrs.IPPROTO_MPLS));

    /** The sit kind; sit's rtnl_link_ops came with Linux 3.8 (modes other than ip6ip with 4.7). */
    public static final IpipKind INSTANCE = new IpipKind("sit", MODES, true, "3.8");

    private SitKind() {
    }
}
