package io.vlinkd.netlink.kind.tunnel;

/**
 * An IPv6 IPsec virtual tunnel interface (net/ipv6/ip6_vti.c). Same options, attributes and spec as
 * {@link VtiKind}, over IPv6: any change of remote is in place, and a change resets the MTU.
 *
 * <pre>
 * - name: vti6a
 *   kind: vti6
 *   vti6: { local: "2001:db8::1", remote: "2001:db8::2", key: 5 }
 * </pre>
 * Equivalent to: {@code ip link add vti6a type vti6 local 2001:db8::1 remote 2001:db8::2 key 5}.
 */
public final class Vti6Kind {
    /** The vti6 kind: a {@link VtiKind} over IPv6; ip6_vti.c came with Linux 3.13. */
    public static final VtiKind INSTANCE = new VtiKind("vti6", true, "3.13");

    private Vti6Kind() {
    }
}
