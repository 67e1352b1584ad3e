package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.IpTunnelAttrs.*;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import java.util.Map;
import java.util.Optional;

/**
 * How ip6tnl and ip6gre carry the outer IPv6 header's settings: the traffic class and flow label share one
 * big-endian FLOWINFO word (tclass in bits 20..27, label in bits 0..19, as iproute2 builds it with
 * {@code htonl(tclass << 20)}), and "inherit"/"none" are bits of the FLAGS word (IP6_TNL_F_*).
 */
public final class Ip6Header {
    private Ip6Header() {
    }

    /** The outer IPv6 header's fields of a tunnel spec, in iproute2's words; an empty Optional is not managed. */
    public interface Settings {
        /** {@code hoplimit}: IFLA_IPTUN_TTL or IFLA_GRE_TTL, 0 = inherit. */
        Optional<Integer> hoplimit();

        /** {@code tos}: the traffic class in the FLOWINFO attribute, or inherit (IP6_TNL_F_USE_ORIG_TCLASS). */
        Optional<Inheritable> tos();

        /** {@code flowlabel}: in the FLOWINFO attribute, or inherit (IP6_TNL_F_USE_ORIG_FLOWLABEL). */
        Optional<Inheritable> flowlabel();

        /** {@code encaplimit}: the ENCAP_LIMIT attribute, or none (IP6_TNL_F_IGN_ENCAP_LIMIT). */
        Optional<EncapLimit> encaplimit();
    }

    static final long TCLASS_MASK = 0x0ff00000L;
    static final long FLOWLABEL_MASK = 0x000fffffL;

    static long flowinfo(Settings s) {
        long tclass = s.tos().filter(t -> !t.inherit()).map(Inheritable::value).orElse(0L);
        long label = s.flowlabel().filter(f -> !f.inherit()).map(Inheritable::value).orElse(0L);
        return (tclass << 20) & TCLASS_MASK | label & FLOWLABEL_MASK;
    }

    static long flags(Settings s) {
        long flags = 0;
        if (s.encaplimit().map(EncapLimit::none).orElse(false)) {
            flags |= IP6_TNL_F_IGN_ENCAP_LIMIT;
        }
        if (s.tos().map(Inheritable::inherit).orElse(false)) {
            flags |= IP6_TNL_F_USE_ORIG_TCLASS;
        }
        if (s.flowlabel().map(Inheritable::inherit).orElse(false)) {
            flags |= IP6_TNL_F_USE_ORIG_FLOWLABEL;
        }
        return flags;
    }

    static int encapLimitByte(Optional<EncapLimit> encaplimit) {
        // With "none" iproute2 still sends its default limit; the flag makes the kernel ignore it.
        return encaplimit.filter(e -> !e.none()).map(EncapLimit::limit).orElse(DEFAULT_ENCAP_LIMIT);
    }

    /**
     * The outer header's options as a dump holds them, by key: hoplimit in {@code ttl}, encaplimit, and tos and
     * flowlabel unpacked from the {@code flowinfo} word and the {@code flags}.
     */
    static Map<String, Optional<?>> decode(Attrs d, Attr ttl, Attr encapLimit, Attr flowinfoAttr, Attr flagsAttr)
            throws MalformedMessageException {
        long flowinfo = d.integer(flowinfoAttr, 0);
        long flags = d.integer(flagsAttr, 0);
        return Map.of("hoplimit", d.integer(ttl),
                "encaplimit", d.integer(encapLimit).map(l -> encaplimit(l.intValue(), flags)),
                "tos", Optional.of(tos(flowinfo, flags)), "flowlabel", Optional.of(flowlabel(flowinfo, flags)));
    }

    static Inheritable tos(long flowinfo, long flags) {
        return (flags & IP6_TNL_F_USE_ORIG_TCLASS) != 0 ? Inheritable.INHERIT
                : Inheritable.of((flowinfo & TCLASS_MASK) >>> 20);
    }

    static Inheritable flowlabel(long flowinfo, long flags) {
        return (flags & IP6_TNL_F_USE_ORIG_FLOWLABEL) != 0 ? Inheritable.INHERIT
                : Inheritable.of(flowinfo & FLOWLABEL_MASK);
    }

    static EncapLimit encaplimit(int limit, long flags) {
        return (flags & IP6_TNL_F_IGN_ENCAP_LIMIT) != 0 ? EncapLimit.NONE : EncapLimit.of(limit);
    }

    /** flowlabel as ip reads it: hexadecimal (get_u32(.., 16) in link_ip6tnl.c and link_gre6.c), or inherit. */
    static String flowlabelWord(Inheritable f) {
        return f.inherit() ? "inherit" : "0x" + Long.toHexString(f.value());
    }
}
