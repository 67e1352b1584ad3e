package io.vlinkd.netlink.kind.tunnel;

import java.util.Optional;

/**
 * How ipip, sit, gre and gretap carry the outer IPv4 header's settings: {@code ttl} (0 = inherit), {@code tos} (a
 * byte whose bit 0 means inherit, ip_tunnel_xmit(): tos & 0x1) and {@code pmtudisc} (DF on outer packets), in the
 * same words and order in all four kinds. The IPv6 tunnels' counterpart is {@link Ip6Header}.
 */
public final class Ip4Header {
    private Ip4Header() {
    }

    /** The outer IPv4 header's fields of a tunnel spec, in iproute2's words; an empty Optional is not managed. */
    public interface Settings {
        /** {@code ttl}: IFLA_IPTUN_TTL or IFLA_GRE_TTL, 0 = inherit. */
        Optional<Integer> ttl();

        /** {@code tos}: IFLA_IPTUN_TOS or IFLA_GRE_TOS. */
        Optional<Inheritable> tos();

        /** {@code pmtudisc}: IFLA_IPTUN_PMTUDISC or IFLA_GRE_PMTUDISC (set DF on outer packets). */
        Optional<Boolean> pmtudisc();
    }

    /** The TOS attribute's byte: 1 for inherit, the value, or 0 (iproute2's default) when not managed. */
    static long tosByte(Optional<Inheritable> tos) {
        return tos.map(t -> t.inherit() ? 1 : t.value()).orElse(0L);
    }

    /** A dumped TOS byte: bit 0 set means inherit. */
    static Inheritable tos(long tosByte) {
        return (tosByte & 1) != 0 ? Inheritable.INHERIT : Inheritable.of(tosByte);
    }
}
