package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.IpTunnelAttrs.*;

import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An IPv6 tunnel carrying IPv6 ({@code ip6ip6}), IPv4 ({@code ipip6}) or either ({@code any}) (net/ipv6/ip6_tunnel.c).
 *
 * <pre>
 * - name: ip6t0
 *   kind: ip6tnl
 *   ip6tnl: { mode: ip6ip6, local: "2001:db8::1", remote: "2001:db8::2", hoplimit: 32, encaplimit: none }
 * </pre>
 * Equivalent to: {@code ip link add ip6t0 type ip6tnl mode ip6ip6 local 2001:db8::1 remote 2001:db8::2 hoplimit 32
 * encaplimit none}.
 *
 * <p>iproute2's link_ip6tnl.c writes PROTO, LOCAL/REMOTE when given, TTL (hop limit, default 64), ENCAP_LIMIT
 * (default 4), FLOWINFO, FLAGS, LINK, FWMARK and the four ENCAP attributes (ENCAP_FLAGS defaulting to CSUM6); the
 * encoder writes the same. Without {@code mode} iproute2 sends protocol 0 ({@code any}).
 *
 * <p>Change: ip6_tnl_changelink() parses into a zeroed struct (ip6_tnl_netlink_parms()), so a change writes the
 * whole set (see {@link #changeFrom}); ip6_tnl_update()/ip6_tnl_change() then update every option here in place,
 * the mode (proto) included. {@code external} (collect_md) is refused by changelink (EINVAL) and not offered.
 */
public final class Ip6tnlKind implements LinkKind<Ip6tnlKind.Ip6tnlSpec> {

    private static final Map<String, Integer> MODES = modes();
    public static final Ip6tnlKind INSTANCE = new Ip6tnlKind();

    /**
     * @param mode       {@code mode}: IFLA_IPTUN_PROTO, ip6ip6 (IPPROTO_IPV6), ipip6 (IPPROTO_IPIP) or any (0)
     * @param local      {@code local}: IFLA_IPTUN_LOCAL (IPv6)
     * @param remote     {@code remote}: IFLA_IPTUN_REMOTE (IPv6)
     * @param dev        {@code dev}: IFLA_IPTUN_LINK
     * @param hoplimit   {@code hoplimit}: IFLA_IPTUN_TTL, 0 = inherit
     * @param encaplimit {@code encaplimit}: IFLA_IPTUN_ENCAP_LIMIT, or none (IP6_TNL_F_IGN_ENCAP_LIMIT)
     * @param tos        {@code tos}: traffic class in IFLA_IPTUN_FLOWINFO, or inherit (IP6_TNL_F_USE_ORIG_TCLASS)
     * @param flowlabel  {@code flowlabel}: in IFLA_IPTUN_FLOWINFO, or inherit (IP6_TNL_F_USE_ORIG_FLOWLABEL)
     */
    public record Ip6tnlSpec(Optional<String> mode, Optional<InetAddress> local, Optional<InetAddress> remote,
                             Optional<String> dev, Optional<Integer> hoplimit, Optional<EncapLimit> encaplimit,
                             Optional<Inheritable> tos, Optional<Inheritable> flowlabel) implements KindSpec {
    }

    private static final Attr LOCAL = Attr.of("IFLA_IPTUN_LOCAL", 2, AttrType.IN6_ADDR);
    private static final Attr REMOTE = Attr.of("IFLA_IPTUN_REMOTE", 3, AttrType.IN6_ADDR);
    private static final String SINCE = "3.8";

    private static final List<Option> OPTIONS = List.of(
            Option.inPlace("mode", new ValueType.Choice(List.copyOf(MODES.keySet())), SINCE,
                    "IFLA_IPTUN_PROTO: ip6ip6, ipip6 or any (iproute2's default)"),
            Option.inPlace("local", ValueType.ipv6(), SINCE, "IFLA_IPTUN_LOCAL: the outer source address"),
            Option.inPlace("remote", ValueType.ipv6(), SINCE, "IFLA_IPTUN_REMOTE: the outer destination"),
            Option.inPlace("dev", ValueType.interfaceName(), SINCE, "IFLA_IPTUN_LINK: bind to this device"),
            Option.inPlace("hoplimit", TunnelValues.TTL, SINCE,
                    "IFLA_IPTUN_TTL: outer hop limit (default 64), 0 or inherit = inner"),
            Option.inPlace("encaplimit", TunnelValues.ENCAPLIMIT, SINCE, "IFLA_IPTUN_ENCAP_LIMIT (default 4) or none"),
            Option.inPlace("tos", TunnelValues.TOS, SINCE,
                    "traffic class in IFLA_IPTUN_FLOWINFO, inherit, or a DS field name (af41, cs6, ef)"),
            Option.inPlace("flowlabel", TunnelValues.FLOWLABEL, SINCE,
                    "flow label in IFLA_IPTUN_FLOWINFO (0..0xfffff) or inherit"));

    private Ip6tnlKind() {
    }

    private static Map<String, Integer> modes() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("any", 0);
        m.put("ip6ip6", IPPROTO_IPV6);
        m.put("ipip6", IPPROTO_IPIP);
        return m;
    }

    @Override
    public String name() {
        return "ip6tnl";
    }

    @Override
    public Class<Ip6tnlSpec> specType() {
        return Ip6tnlSpec.class;
    }

    @Override
    public AttrSpace dataSpace() {
        return SPACE;
    }

    @Override
    public List<Option> options() {
        return OPTIONS;
    }

    @Override
    public Ip6tnlSpec fromOptions(OptionValues v, LinkCommon common, Problems problems) {
        TunnelValues.family(v, "ip6tnl", true, "ipip or sit", problems);
        return new Ip6tnlSpec(v.string("mode"), v.ip("local"), v.ip("remote"), v.string("dev"),
                TunnelValues.ttl(v, "hoplimit"), Ip6Header.encaplimit(v), TunnelValues.tos(v),
                TunnelValues.flowlabel(v));
    }

    @Override
    public OptionValues toOptions(Ip6tnlSpec s) {
        return OptionValues.builder()
                .put("mode", s.mode())
                .put("local", s.local())
                .put("remote", s.remote())
                .put("dev", s.dev())
                .put("hoplimit", s.hoplimit())
                .put("encaplimit", s.encaplimit().map(EncapLimit::toOption))
                .put("tos", s.tos().map(Inheritable::toOption))
                .put("flowlabel", s.flowlabel().map(Inheritable::toOption))
                .build();
    }

    @Override
    public void encodeCreate(Ip6tnlSpec s, EncodeContext ctx, MessageWriter w) {
        w.putInt(IFLA_IPTUN_PROTO, MODES.get(s.mode().orElse("any")));
        s.local().ifPresent(a -> w.putAddress(LOCAL, a));
        s.remote().ifPresent(a -> w.putAddress(REMOTE, a));
        w.putInt(IFLA_IPTUN_TTL, s.hoplimit().orElse(DEFAULT_HOP_LIMIT));
        w.putInt(IFLA_IPTUN_ENCAP_LIMIT, Ip6Header.encapLimitByte(s.encaplimit()));
        w.putInt(IFLA_IPTUN_FLOWINFO, Ip6Header.flowinfo(s.tos(), s.flowlabel()));
        w.putInt(IFLA_IPTUN_FLAGS, Ip6Header.flags(s.tos(), s.flowlabel(), s.encaplimit()));
        w.putInt(IFLA_IPTUN_LINK, s.dev().map(ctx::ifindex).orElse(0));
        // Not managed by vlinkd; iproute2's defaults, so that the request is the one `ip` sends.
        w.putInt(IFLA_IPTUN_FWMARK, 0);
        w.putInt(IFLA_IPTUN_ENCAP_TYPE, 0);
        w.putInt(IFLA_IPTUN_ENCAP_FLAGS, TUNNEL_ENCAP_FLAG_CSUM6);
        w.putInt(IFLA_IPTUN_ENCAP_SPORT, 0);
        w.putInt(IFLA_IPTUN_ENCAP_DPORT, 0);
    }

    /** The whole set, as create writes it: changelink resets what it is not given (see the class comment). */
    @Override
    public void encodeChange(Ip6tnlSpec desired, EncodeContext ctx, MessageWriter w) {
        encodeCreate(desired, ctx, w);
    }

    @Override
    public Ip6tnlSpec changeFrom(Ip6tnlSpec d, Ip6tnlSpec o) {
        return new Ip6tnlSpec(d.mode().or(o::mode), d.local().or(o::local), d.remote().or(o::remote),
                d.dev().or(o::dev), d.hoplimit().or(o::hoplimit), d.encaplimit().or(o::encaplimit),
                d.tos().or(o::tos), d.flowlabel().or(o::flowlabel));
    }

    @Override
    public Ip6tnlSpec decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        Optional<String> mode = Optional.empty();
        Optional<Long> proto = d.integer(IFLA_IPTUN_PROTO);
        for (Map.Entry<String, Integer> e : MODES.entrySet()) {
            if (proto.isPresent() && e.getValue() == proto.get().intValue()) {
                mode = Optional.of(e.getKey());
            }
        }
        long flowinfo = d.integer(IFLA_IPTUN_FLOWINFO, 0);
        long flags = d.integer(IFLA_IPTUN_FLAGS, 0);
        return new Ip6tnlSpec(mode, TunnelValues.address(d, IFLA_IPTUN_LOCAL),
                TunnelValues.address(d, IFLA_IPTUN_REMOTE), TunnelValues.device(d, IFLA_IPTUN_LINK, ctx),
                d.integer(IFLA_IPTUN_TTL).map(Long::intValue),
                d.integer(IFLA_IPTUN_ENCAP_LIMIT).map(l -> Ip6Header.encaplimit(l.intValue(), flags)),
                Optional.of(Ip6Header.tos(flowinfo, flags)), Optional.of(Ip6Header.flowlabel(flowinfo, flags)));
    }

    @Override
    public List<String> ipArgs(Ip6tnlSpec s) {
        List<String> a = new ArrayList<>();
        s.mode().ifPresent(m -> a.addAll(List.of("mode", m)));
        s.local().ifPresent(l -> a.addAll(List.of("local", TunnelValues.addressWord(l))));
        s.remote().ifPresent(r -> a.addAll(List.of("remote", TunnelValues.addressWord(r))));
        s.dev().ifPresent(d -> a.addAll(List.of("dev", d)));
        s.hoplimit().ifPresent(t -> a.addAll(List.of("hoplimit", Integer.toString(t))));
        s.encaplimit().ifPresent(e -> a.addAll(List.of("encaplimit", e.toString())));
        s.tos().ifPresent(t -> a.addAll(List.of("tos", TunnelValues.tosWord(t))));
        s.flowlabel().ifPresent(f -> a.addAll(List.of("flowlabel", Ip6Header.flowlabelWord(f))));
        return a;
    }

    @Override
    public boolean writesInfoData(Ip6tnlSpec spec) {
        return true;
    }
}
