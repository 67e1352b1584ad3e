package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.KindSpec;
import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;

/**
 * An IPv4-in-IPv4 tunnel (net/ipv4/ipip.c).
 *
 * <pre>
 * - name: tun0
 *   kind: ipip
 *   ipip: { local: 192.0.2.1, remote: 198.51.100.1, ttl: 64, tos: inherit }
 * </pre>
 * Equivalent to: {@code ip link add tun0 type ipip local 192.0.2.1 remote 198.51.100.1 ttl 64 tos inherit}.
 * Shared behaviour (attributes, iproute2's fixed attribute set, change rules) is in {@link Ip4TunnelKind}.
 */
public final class IpipKind extends Ip4TunnelKind<IpipKind.IpipSpec> {
    /** link_iptnl.c: ipip takes mode ipip (IPPROTO_IPIP), mplsip (IPPROTO_MPLS) or any (0, iproute2's default). */
    private static final TunnelModes MODES = TunnelModes.of(Map.entry("any", 0),
            Map.entry("ipip", IpTunnelAttrs.IPPROTO_IPIP), Map.entry("mplsip", IpTunnelAttrs.IPPROTO_MPLS));

    public static final IpipKind INSTANCE = new IpipKind();

    /** ipip's options; see {@link Ip4TunnelKind.Settings} for each field's attribute. */
    public record IpipSpec(Optional<String> mode, Optional<InetAddress> local, Optional<InetAddress> remote,
                           Optional<String> dev, Optional<Integer> ttl, Optional<Inheritable> tos,
                           Optional<Boolean> pmtudisc) implements KindSpec, Ip4TunnelKind.Settings {
    }

    private IpipKind() {
        // ipip's rtnl_link_ops (and so IFLA_IPTUN_*) came with Linux 3.8.
        super("ipip", IpipSpec.class, MODES, false, "3.8");
    }
}
