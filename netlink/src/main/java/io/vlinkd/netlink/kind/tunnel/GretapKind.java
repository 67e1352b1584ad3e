package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.KindSpec;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A GRE tunnel over IPv4 carrying Ethernet frames (net/ipv4/ip_gre.c, an Ethernet device: it can be a bridge port).
 *
 * <pre>
 * - name: gretap1
 *   kind: gretap
 *   gretap: { local: 192.0.2.1, remote: 198.51.100.1, key: 42, ttl: 64, tos: af41 }
 * </pre>
 * Equivalent to: {@code ip link add gretap1 type gretap local 192.0.2.1 remote 198.51.100.1 ttl 64 tos 0x88 key 42}.
 * Shared behaviour is in {@link GreTunnelKind}.
 */
public final class GretapKind extends GreTunnelKind<GretapKind.GretapSpec> {
    public static final GretapKind INSTANCE = new GretapKind();

    /** gretap's options; see {@link GreTunnelKind.Settings} for each field's attribute. */
    public record GretapSpec(Optional<InetAddress> local, Optional<InetAddress> remote, Optional<String> dev,
                          Optional<Integer> ttl, Optional<Inheritable> tos, Optional<Boolean> pmtudisc,
                          GreHeader header) implements KindSpec, GreTunnelKind.Settings {
    }

    private GretapKind() {
        // gretap came with ip_gre's rtnl_link_ops in Linux 2.6.28.
        super("gretap", GretapSpec.class, true, "2.6.28");
    }
}
