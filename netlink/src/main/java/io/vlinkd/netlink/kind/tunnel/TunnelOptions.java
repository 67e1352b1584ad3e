package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.IpWords;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.wire.Attr;
import java.util.List;

/**
 * The options the tunnel kinds have in common, each described by the attribute that carries it in the kind's family
 * ({@code ttl} is IFLA_IPTUN_TTL for ipip and IFLA_GRE_TTL for gre), so that the same option reads the same in
 * every kind's docs. All change in place: the tunnels' changelink updates them (see {@link TunnelKind}).
 */
final class TunnelOptions {
    private TunnelOptions() {
    }

    /** tos as {@code ip} parses it: {@code inherit}, or hexadecimal. */
    private static final IpWords TOS_WORDS = t -> List.of("tos", TunnelValues.tosWord((Inheritable) t));

    /** A GRE or VTI key option: {@code key} sets ikey and okey, each a number or a dotted quad. */
    static List<Option> keys(String since, String ikey, String okey) {
        return List.of(
                Option.inPlace("key", TunnelValues.KEY, since, "ikey and okey at once (number or dotted quad)")
                        .fields(TunnelValues.KEY_PAIR, "ikey", "okey"),
                Option.inPlace("ikey", TunnelValues.KEY, since, ikey).convert(TunnelValues.KEY_VALUE),
                Option.inPlace("okey", TunnelValues.KEY, since, okey).convert(TunnelValues.KEY_VALUE));
    }

    /**
     * {@code local}, {@code remote} and {@code dev}, in that order, as the GRE and VTI kinds list them.
     *
     * @param remoteNote what a change of remote does when it is not simply in place ("" when it is)
     */
    static List<Option> endpoints(EndpointAttrs ends, String since, String remoteNote) {
        return List.of(local(ends, since), remote(ends, since, remoteNote), dev(ends, since));
    }

    static Option local(EndpointAttrs ends, String since) {
        return Option.inPlace("local", ends.addressType(), since, ends.local().name() + ": the outer source address");
    }

    /** @param note what a change of remote does when it is not simply in place ("" when it is) */
    static Option remote(EndpointAttrs ends, String since, String note) {
        return Option.inPlace("remote", ends.addressType(), since,
                ends.remote().name() + ": the outer destination" + note);
    }

    static Option dev(EndpointAttrs ends, String since) {
        return Option.inPlace("dev", ValueType.interfaceName(), since, ends.link().name() + ": bind to this device");
    }

    /** IPv4 outer ttl. */
    static Option ttl(Attr ttl, String since) {
        return Option.inPlace("ttl", TunnelValues.TTL, since, ttl.name() + ": outer ttl, 0 or inherit = inner")
                .convert(TunnelValues.TTL_VALUE);
    }

    /** IPv4 outer tos byte. */
    static Option tos(Attr tos, String since) {
        return Option.inPlace("tos", TunnelValues.TOS, since,
                tos.name() + ": outer tos byte, inherit, or a DS field name (af41, cs6, ef)")
                .convert(TunnelValues.TOS_VALUE).ip(TOS_WORDS);
    }

    /** @param note what else the kernel or iproute2 ties to it ("" for nothing) */
    static Option pmtudisc(Attr pmtudisc, String since, String note) {
        return Option.inPlace("pmtudisc", ValueType.bool(), since,
                pmtudisc.name() + ": path MTU discovery (DF on outer packets)" + note);
    }

    /** IPv6 outer hop limit, in the family's TTL attribute. */
    static Option hoplimit(Attr ttl, String since) {
        return Option.inPlace("hoplimit", TunnelValues.TTL, since,
                ttl.name() + ": outer hop limit (default 64), 0 or inherit = inner").convert(TunnelValues.TTL_VALUE);
    }

    /** IPv6 traffic class, in the family's FLOWINFO word (see {@link Ip6Header}). */
    static Option tclass(Attr flowinfo, String since) {
        return Option.inPlace("tos", TunnelValues.TOS, since,
                "traffic class in " + flowinfo.name() + ", inherit, or a DS field name (af41, cs6, ef)")
                .convert(TunnelValues.TOS_VALUE).ip(TOS_WORDS);
    }

    static Option flowlabel(Attr flowinfo, String since) {
        return Option.inPlace("flowlabel", TunnelValues.FLOWLABEL, since,
                "flow label in " + flowinfo.name() + " (0..0xfffff) or inherit").convert(TunnelValues.FLOWLABEL_VALUE)
                .ip(f -> List.of("flowlabel", Ip6Header.flowlabelWord((Inheritable) f)));
    }

    static Option encaplimit(Attr encapLimit, String since) {
        return Option.inPlace("encaplimit", TunnelValues.ENCAPLIMIT, since,
                encapLimit.name() + " (default 4) or none").convert(TunnelValues.ENCAPLIMIT_VALUE);
    }
}
