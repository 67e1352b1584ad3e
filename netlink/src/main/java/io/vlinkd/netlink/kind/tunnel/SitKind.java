package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.KindSpec;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/**
 * A sit tunnel: IPv6 (or, with {@code mode}, IPv4/MPLS) over IPv4 (net/ipv6/sit.c). 6rd and ISATAP are not offered.
 *
 * <pre>
 * - name: sit1
 *   kind: sit
 *   sit: { local: 192.0.2.1, remote: 198.51.100.1, ttl: 64 }
 * </pre>
 * Equivalent to: {@code ip link add sit1 type sit local 192.0.2.1 remote 198.51.100.1 ttl 64}.
 * Shared behaviour (attributes, iproute2's fixed attribute set, change rules) is in {@link Ip4TunnelKind}.
 */
public final class SitKind extends Ip4TunnelKind<SitKind.SitSpec> {
    /** link_iptnl.c: sit takes ip6ip (IPPROTO_IPV6), ipip, mplsip, or any (0, iproute2's default). */
    private static final TunnelModes MODES = TunnelModes.of(Map.entry("any", 0),
            Map.entry("ip6ip", IpTunnelAttrs.IPPROTO_IPV6), Map.entry("ipip", IpTunnelAttrs.IPPROTO_IPIP),
            Map.entry("mplsip", IpTunnelAttrs.IPPROTO_MPLS));

    public static final SitKind INSTANCE = new SitKind();

    /** sit's options; see {@link Ip4TunnelKind.Settings} for each field's attribute. */
    public record SitSpec(Optional<String> mode, Optional<InetAddress> local, Optional<InetAddress> remote,
                          Optional<String> dev, Optional<Integer> ttl, Optional<Inheritable> tos,
                          Optional<Boolean> pmtudisc) implements KindSpec, Ip4TunnelKind.Settings {
    }

    private SitKind() {
        // sit's rtnl_link_ops came with Linux 3.8 (modes other than ip6ip with 4.7).
        super("sit", SitSpec.class, MODES, true, "3.8");
    }
}
