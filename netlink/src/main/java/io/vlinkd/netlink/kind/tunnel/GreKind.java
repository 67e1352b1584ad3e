package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.KindSpec;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A GRE tunnel over IPv4 carrying IP packets (net/ipv4/ip_gre.c, ARPHRD_IPGRE).
 *
 * <pre>
 * - name: gre1
 *   kind: gre
 *   gre: { local: 192.0.2.1, remote: 198.51.100.1, key: 42, ttl: 64, tos: af41 }
 * </pre>
 * Equivalent to: {@code ip link add gre1 type gre local 192.0.2.1 remote 198.51.100.1 ttl 64 tos 0x88 key 42}.
 * Shared behaviour is in {@link GreTunnelKind}.
 */
public final class GreKind extends GreTunnelKind<GreKind.GreSpec> {
    public static final GreKind INSTANCE = new GreKind();

    /** gre's options; see {@link GreTunnelKind.Settings} for each field's attribute. */
    public record GreSpec(Optional<InetAddress> local, Optional<InetAddress> remote, Optional<String> dev,
                          Optional<Integer> ttl, Optional<Inheritable> tos, Optional<Boolean> pmtudisc,
                          GreHeader header) implements KindSpec, GreTunnelKind.Settings {
    }

    private GreKind() {
        // ip_gre's rtnl_link_ops (IFLA_GRE_*) came with Linux 2.6.28.
        super("gre", GreSpec.class, false, "2.6.28");
    }
}
