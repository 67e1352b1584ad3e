package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.KindSpec;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A GRE tunnel over IPv6 carrying IP packets (net/ipv6/ip6_gre.c).
 *
 * <pre>
 * - name: gre6a
 *   kind: ip6gre
 *   ip6gre: { local: "2001:db8::1", remote: "2001:db8::2", hoplimit: 32, flowlabel: inherit, key: 5 }
 * </pre>
 * Equivalent to: {@code ip link add gre6a type ip6gre local 2001:db8::1 remote 2001:db8::2 hoplimit 32
 * flowlabel inherit key 5}. Shared behaviour is in {@link Gre6TunnelKind}.
 */
public final class Ip6greKind extends Gre6TunnelKind<Ip6greKind.Ip6greSpec> {
    public static final Ip6greKind INSTANCE = new Ip6greKind();

    /** ip6gre's options; see {@link Gre6TunnelKind.Settings} for each field's attribute. */
    public record Ip6greSpec(Optional<InetAddress> local, Optional<InetAddress> remote, Optional<String> dev,
                             Optional<Integer> hoplimit, Optional<Inheritable> tos, Optional<Inheritable> flowlabel,
                             Optional<EncapLimit> encaplimit, GreHeader header)
            implements KindSpec, Gre6TunnelKind.Settings {
    }

    private Ip6greKind() {
        // ip6_gre.c (ip6gre and ip6gretap) came with Linux 3.7.
        super("ip6gre", Ip6greSpec.class, "3.7");
    }
}
