package io.vlinkd.netlink.kind.tunnel;

/**
 * A GRE tunnel over IPv4 carrying Ethernet frames (net/ipv4/ip_gre.c, an Ethernet device: it can be a bridge port).
 * Same options, attributes and spec as {@link GreKind}; a change of remote is always in place.
 *
 * <pre>
 * - name: gretap1
 *   kind: gretap
 *   gretap: { local: 192.0.2.1, remote: 198.51.100.1, key: 42, ttl: 64, tos: af41 }
 * </pre>
 * Equivalent to: {@code ip link add gretap1 type gretap local 192.0.2.1 remote 198.51.100.1 ttl 64 tos 0x88 key 42}.
 */
public final class GretapKind {
    /** The gretap kind: a {@link GreKind} that is an Ethernet device; it came with ip_gre's rtnl_link_ops (2.6.28). */
    public static final GreKind INSTANCE = new GreKind("gretap", true, "2.6.28");

    private GretapKind() {
    }
}
