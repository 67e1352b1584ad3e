package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.KindSpec;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A GRE tunnel over IPv6 carrying Ethernet frames (net/ipv6/ip6_gre.c; it can be a bridge port).
 *
 * <pre>
 * - name: gretap6a
 *   kind: ip6gretap
 *   ip6gretap: { local: "2001:db8::1", remote: "2001:db8::2", hoplimit: 32, flowlabel: inherit, key: 5 }
 * </pre>
 * Equivalent to: {@code ip link add gretap6a type ip6gretap local 2001:db8::1 remote 2001:db8::2 hoplimit 32
 * flowlabel inherit key 5}. Shared behaviour is in {@link Gre6TunnelKind}.
 */
public final class Ip6gretapKind extends Gre6TunnelKind<Ip6gretapKind.Ip6gretapSpec> {
    public static final Ip6gretapKind INSTANCE = new Ip6gretapKind();

    /** ip6gretap's options; see {@link Gre6TunnelKind.Settings} for each field's attribute. */
    public record Ip6gretapSpec(Optional<InetAddress> local, Optional<InetAddress> remote, Optional<String> dev,
                             Optional<Integer> hoplimit, Optional<Inheritable> tos, Optional<Inheritable> flowlabel,
                             Optional<EncapLimit> encaplimit, GreHeader header)
            implements KindSpec, Gre6TunnelKind.Settings {
    }

    private Ip6gretapKind() {
        // ip6_gre.c (ip6gre and ip6gretap) came with Linux 3.7.
        super("ip6gretap", Ip6gretapSpec.class, "3.7");
    }
}
