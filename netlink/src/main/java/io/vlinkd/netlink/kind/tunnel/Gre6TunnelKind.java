package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.GreAttrs.*;

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
import java.util.List;
import java.util.Optional;

/**
 * What ip6gre and ip6gretap share: GRE over IPv6, {@code IFLA_GRE_*}, and iproute2's link_gre6.c, which writes IKEY,
 * OKEY, IFLAGS, OFLAGS, LOCAL/REMOTE when given, LINK when given, TTL (hop limit, default 64), ENCAP_LIMIT (default
 * 4), FLOWINFO, FLAGS, FWMARK, ERSPAN_VER (1, ignored for these kinds) and the four ENCAP attributes (ENCAP_FLAGS
 * defaulting to TUNNEL_ENCAP_FLAG_CSUM6). tos is the traffic class; iproute2 parses it as hexadecimal.
 *
 * <p>Change: net/ipv6/ip6_gre.c ip6gre_changelink() parses into a zeroed struct (ip6gre_netlink_parms()), so a change
 * writes the whole set (see {@link #changeFrom}); ip6gre_tnl_change() then updates every option here in place,
 * re-deriving the point-to-point flag itself. {@code external} (collect_md) is not offered.
 */
public abstract class Gre6TunnelKind<S extends KindSpec & Gre6TunnelKind.Settings> implements LinkKind<S> {

    /** The fields of an ip6gre or ip6gretap spec, in iproute2's words; an empty Optional is not managed. */
    public interface Settings {
        /** {@code local}: IFLA_GRE_LOCAL (IPv6). */
        Optional<InetAddress> local();

        /** {@code remote}: IFLA_GRE_REMOTE (IPv6). */
        Optional<InetAddress> remote();

        /** {@code dev}: IFLA_GRE_LINK. */
        Optional<String> dev();

        /** {@code hoplimit}: IFLA_GRE_TTL, 0 = inherit. */
        Optional<Integer> hoplimit();

        /** {@code tos}: the traffic class in IFLA_GRE_FLOWINFO, or inherit (IP6_TNL_F_USE_ORIG_TCLASS). */
        Optional<Inheritable> tos();

        /** {@code flowlabel}: in IFLA_GRE_FLOWINFO, or inherit (IP6_TNL_F_USE_ORIG_FLOWLABEL). */
        Optional<Inheritable> flowlabel();

        /** {@code encaplimit}: IFLA_GRE_ENCAP_LIMIT, or none (IP6_TNL_F_IGN_ENCAP_LIMIT). */
        Optional<EncapLimit> encaplimit();

        /** {@code key}, {@code ikey}, {@code okey}, {@code iseq}, {@code oseq}, {@code icsum}, {@code ocsum}. */
        GreHeader header();
    }

    /** Builds the kind's spec record from the fields (its canonical constructor). */
    @FunctionalInterface
    public interface Factory<S> {
        S create(Optional<InetAddress> local, Optional<InetAddress> remote, Optional<String> dev,
                 Optional<Integer> hoplimit, Optional<Inheritable> tos, Optional<Inheritable> flowlabel,
                 Optional<EncapLimit> encaplimit, GreHeader header);
    }

    private static final Attr LOCAL = Attr.of("IFLA_GRE_LOCAL", 6, AttrType.IN6_ADDR);
    private static final Attr REMOTE = Attr.of("IFLA_GRE_REMOTE", 7, AttrType.IN6_ADDR);
    private static final ValueType TCLASS = TunnelValues.TOS;

    private final String name;
    private final Class<S> specType;
    private final Factory<S> factory;
    private final List<Option> options;

    protected Gre6TunnelKind(String name, Class<S> specType, Factory<S> factory, String since) {
        this.name = name;
        this.specType = specType;
        this.factory = factory;
        List<Option> o = new ArrayList<>(List.of(
                Option.inPlace("local", ValueType.ipv6(), since, "IFLA_GRE_LOCAL: the outer source address"),
                Option.inPlace("remote", ValueType.ipv6(), since, "IFLA_GRE_REMOTE: the outer destination"),
                Option.inPlace("dev", ValueType.interfaceName(), since, "IFLA_GRE_LINK: bind to this device"),
                Option.inPlace("hoplimit", TunnelValues.TTL, since,
                        "IFLA_GRE_TTL: outer hop limit (default 64), 0 or inherit = inner"),
                Option.inPlace("tos", TCLASS, since,
                        "traffic class in IFLA_GRE_FLOWINFO, inherit, or a DS field name (af41, cs6, ef)"),
                Option.inPlace("flowlabel", TunnelValues.FLOWLABEL, since,
                        "flow label in IFLA_GRE_FLOWINFO (0..0xfffff) or inherit"),
                Option.inPlace("encaplimit", TunnelValues.ENCAPLIMIT, since,
                        "IFLA_GRE_ENCAP_LIMIT (default 4) or none")));
        o.addAll(GreHeader.options(since));
        this.options = List.copyOf(o);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<S> specType() {
        return specType;
    }

    @Override
    public AttrSpace dataSpace() {
        return SPACE;
    }

    @Override
    public List<Option> options() {
        return options;
    }

    @Override
    public S fromOptions(OptionValues v, LinkCommon common, Problems problems) {
        TunnelValues.family(v, name, true, name.substring(3), problems);
        return factory.create(v.ip("local"), v.ip("remote"), v.string("dev"), TunnelValues.ttl(v, "hoplimit"),
                TunnelValues.tos(v), TunnelValues.flowlabel(v), Ip6Header.encaplimit(v),
                GreHeader.fromOptions(v, problems));
    }

    @Override
    public OptionValues toOptions(S s) {
        OptionValues.Builder b = OptionValues.builder()
                .put("local", s.local())
                .put("remote", s.remote())
                .put("dev", s.dev())
                .put("hoplimit", s.hoplimit())
                .put("tos", s.tos().map(Inheritable::toOption))
                .put("flowlabel", s.flowlabel().map(Inheritable::toOption))
                .put("encaplimit", s.encaplimit().map(EncapLimit::toOption));
        s.header().toOptions(b);
        return b.build();
    }

    @Override
    public void encodeCreate(S s, EncodeContext ctx, MessageWriter w) {
        s.header().write(w);
        s.local().ifPresent(a -> w.putAddress(LOCAL, a));
        s.remote().ifPresent(a -> w.putAddress(REMOTE, a));
        s.dev().ifPresent(d -> w.putInt(IFLA_GRE_LINK, ctx.ifindex(d)));
        w.putInt(IFLA_GRE_TTL, s.hoplimit().orElse(IpTunnelAttrs.DEFAULT_HOP_LIMIT));
        w.putInt(IFLA_GRE_ENCAP_LIMIT, Ip6Header.encapLimitByte(s.encaplimit()));
        w.putInt(IFLA_GRE_FLOWINFO, Ip6Header.flowinfo(s.tos(), s.flowlabel()));
        w.putInt(IFLA_GRE_FLAGS, Ip6Header.flags(s.tos(), s.flowlabel(), s.encaplimit()));
        // Not managed by vlinkd; iproute2's defaults, so that the request is the one `ip` sends.
        w.putInt(IFLA_GRE_FWMARK, 0);
        w.putInt(IFLA_GRE_ERSPAN_VER, 1);
        w.putInt(IFLA_GRE_ENCAP_TYPE, 0);
        w.putInt(IFLA_GRE_ENCAP_FLAGS, IpTunnelAttrs.TUNNEL_ENCAP_FLAG_CSUM6);
        w.putInt(IFLA_GRE_ENCAP_SPORT, 0);
        w.putInt(IFLA_GRE_ENCAP_DPORT, 0);
    }

    /** The whole set, as create writes it: changelink resets what it is not given (see the class comment). */
    @Override
    public void encodeChange(S desired, EncodeContext ctx, MessageWriter w) {
        encodeCreate(desired, ctx, w);
    }

    @Override
    public S changeFrom(S d, S o) {
        return factory.create(d.local().or(o::local), d.remote().or(o::remote), d.dev().or(o::dev),
                d.hoplimit().or(o::hoplimit), d.tos().or(o::tos), d.flowlabel().or(o::flowlabel),
                d.encaplimit().or(o::encaplimit), d.header().or(o.header()));
    }

    @Override
    public S decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        long flowinfo = d.integer(IFLA_GRE_FLOWINFO, 0);
        long flags = d.integer(IFLA_GRE_FLAGS, 0);
        return factory.create(TunnelValues.address(d, IFLA_GRE_LOCAL), TunnelValues.address(d, IFLA_GRE_REMOTE),
                TunnelValues.device(d, IFLA_GRE_LINK, ctx), d.integer(IFLA_GRE_TTL).map(Long::intValue),
                Optional.of(Ip6Header.tos(flowinfo, flags)), Optional.of(Ip6Header.flowlabel(flowinfo, flags)),
                d.integer(IFLA_GRE_ENCAP_LIMIT).map(l -> Ip6Header.encaplimit(l.intValue(), flags)),
                GreHeader.decode(d));
    }

    @Override
    public List<String> ipArgs(S s) {
        List<String> a = new ArrayList<>();
        s.local().ifPresent(l -> a.addAll(List.of("local", TunnelValues.addressWord(l))));
        s.remote().ifPresent(r -> a.addAll(List.of("remote", TunnelValues.addressWord(r))));
        s.dev().ifPresent(d -> a.addAll(List.of("dev", d)));
        s.hoplimit().ifPresent(t -> a.addAll(List.of("hoplimit", Integer.toString(t))));
        s.tos().ifPresent(t -> a.addAll(List.of("tos", TunnelValues.tosWord(t))));
        s.flowlabel().ifPresent(f -> a.addAll(List.of("flowlabel", Ip6Header.flowlabelWord(f))));
        s.encaplimit().ifPresent(e -> a.addAll(List.of("encaplimit", e.toString())));
        a.addAll(s.header().ipArgs());
        return a;
    }

    @Override
    public boolean writesInfoData(S spec) {
        return true;
    }
}
