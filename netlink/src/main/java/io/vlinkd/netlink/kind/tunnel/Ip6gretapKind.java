package io.vlinkd.netlink.kind.tunnel;

/**
 * A GRE tunnel over IPv6 carrying Ethernet frames (net/ipv6/ip6_gre.c; it can be a bridge port). Same options,
 * attributes, spec and change rules as {@link Ip6greKind}.
 *
 * <pre>
 * - name: gretap6a
 *   kind: ip6gretap
 *   ip6gretap: { local: "2001:db8::1", remote: "2001:db8::2", hoplimit: 32, flowlabel: inherit, key: 5 }
 * </pre>
 * Equivalent to: {@code ip link add gretap6a type ip6gretap local 2001:db8::1 remote 2001:db8::2 hoplimit 32
 * flowlabel inherit key 5}.
 */
public final class Ip6gretapKind {
    /** The ip6gretap kind: an {@link Ip6greKind} named {@code ip6gretap}; it came with ip6_gre.c in Linux 3.7. */
    public static final Ip6greKind INSTANCE = new Ip6greKind("ip6gretap", "3.7");

    private Ip6gretapKind() {
    }
}
