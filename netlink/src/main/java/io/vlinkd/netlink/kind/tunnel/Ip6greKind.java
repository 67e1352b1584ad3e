package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.GreAttrs.*;

import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GRE tunnel over IPv6 carrying IP packets (net/ipv6/ip6_gre.c); the same class serves {@link Ip6gretapKind},
 * which carries Ethernet frames and differs only in its name.
 *
 * <pre>
 * - name: gre6a
 *   kind: ip6gre
 *   ip6gre: { local: "2001:db8::1", remote: "2001:db8::2", hoplimit: 32, flowlabel: inherit, key: 5 }
 * </pre>
 * Equivalent to: {@code ip link add gre6a type ip6gre local 2001:db8::1 remote 2001:db8::2 hoplimit 32
 * flowlabel inherit key 5}.
 *
 * <p>GRE over IPv6, {@code IFLA_GRE_*}, and iproute2's link_gre6.c, which writes IKEY, OKEY, IFLAGS, OFLAGS,
 * LOCAL/REMOTE when given, LINK when given, TTL (hop limit, default 64), ENCAP_LIMIT (default 4), FLOWINFO, FLAGS,
 * FWMARK, ERSPAN_VER (1, ignored for these kinds) and the four ENCAP attributes (ENCAP_FLAGS defaulting to
 * TUNNEL_ENCAP_FLAG_CSUM6). tos is the traffic class; iproute2 parses it as hexadecimal.
 *
 * <p>Change (see {@link TunnelKind}): net/ipv6/ip6_gre.c ip6gre_changelink() starts from a zeroed struct
 * (ip6gre_netlink_parms()); ip6gre_tnl_change() then updates every option here in place, re-deriving the
 * point-to-point flag itself.
 */
public final class Ip6greKind extends TunnelKind<Ip6greKind.Ip6greSpec> {

    /**
     * The options of an ip6gre or ip6gretap link; an empty Optional is not managed.
     *
     * @param header {@code key}, {@code ikey}, {@code okey}, {@code iseq}, {@code oseq}, {@code icsum},
     *               {@code ocsum}: the GRE header
     */
    public record Ip6greSpec(Optional<InetAddress> local, Optional<InetAddress> remote, Optional<String> dev,
                             Optional<Integer> hoplimit, Optional<Inheritable> tos, Optional<Inheritable> flowlabel,
                             Optional<EncapLimit> encaplimit, GreHeader header)
            implements KindSpec, TunnelKind.Endpoints, Ip6Header.Settings {
    }

    private static final EndpointAttrs ENDS = EndpointAttrs.ipv6(IFLA_GRE_LINK, IFLA_GRE_LOCAL, IFLA_GRE_REMOTE);

    // ip6_gre.c (ip6gre and ip6gretap) came with Linux 3.7.
    public static final Ip6greKind INSTANCE = new Ip6greKind("ip6gre", "3.7");

    /** @param name ip6gre or ip6gretap; the kind without "ip6" carries the same over IPv4 */
    Ip6greKind(String name, String since) {
        super(name, Ip6greSpec.class, SPACE, options(since), ENDS, name.substring(3), RemoteRule.IN_PLACE);
    }

    private static List<Option> options(String since) {
        List<Option> o = new ArrayList<>(TunnelOptions.endpoints(ENDS, since, ""));
        o.addAll(List.of(
                TunnelOptions.hoplimit(IFLA_GRE_TTL, since),
                TunnelOptions.tclass(IFLA_GRE_FLOWINFO, since),
                TunnelOptions.flowlabel(IFLA_GRE_FLOWINFO, since),
                TunnelOptions.encaplimit(IFLA_GRE_ENCAP_LIMIT, since)));
        o.addAll(GreHeader.options(since));
        return o;
    }

    @Override
    public void encodeCreate(Ip6greSpec s, EncodeContext ctx, MessageWriter w) {
        s.header().write(w);
        writeAddresses(s, w);
        s.dev().ifPresent(d -> w.putInt(IFLA_GRE_LINK, ctx.ifindex(d)));
        w.putInt(IFLA_GRE_TTL, s.hoplimit().orElse(IpTunnelAttrs.DEFAULT_HOP_LIMIT));
        w.putInt(IFLA_GRE_ENCAP_LIMIT, Ip6Header.encapLimitByte(s.encaplimit()));
        w.putInt(IFLA_GRE_FLOWINFO, Ip6Header.flowinfo(s));
        w.putInt(IFLA_GRE_FLAGS, Ip6Header.flags(s));
        // Not managed by vlinkd; iproute2's defaults, so that the request is the one `ip` sends.
        w.putInt(IFLA_GRE_FWMARK, 0);
        w.putInt(IFLA_GRE_ERSPAN_VER, 1);
        w.putInt(IFLA_GRE_ENCAP_TYPE, 0);
        w.putInt(IFLA_GRE_ENCAP_FLAGS, IpTunnelAttrs.TUNNEL_ENCAP_FLAG_CSUM6);
        w.putInt(IFLA_GRE_ENCAP_SPORT, 0);
        w.putInt(IFLA_GRE_ENCAP_DPORT, 0);
    }

    @Override
    public Ip6greSpec decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        Map<String, Optional<?>> values = new HashMap<>(GreHeader.decode(d));
        values.putAll(Ip6Header.decode(d, IFLA_GRE_TTL, IFLA_GRE_ENCAP_LIMIT, IFLA_GRE_FLOWINFO, IFLA_GRE_FLAGS));
        values.putAll(Map.of("local", decodeLocal(d), "remote", decodeRemote(d), "dev", decodeDev(d, ctx)));
        return specOf(values);
    }

    /** See {@link LinkKind#changeResetsMtu()}. */
    @Override
    public boolean changeResetsMtu() {
        return true;
    }
}
