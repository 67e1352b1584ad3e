package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.IpTunnelAttrs.*;

import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.Difference;
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
import java.util.Map;
import java.util.Optional;

/**
 * What ipip and sit share: IPv4 outer header, {@code IFLA_IPTUN_*} attributes, and iproute2's link_iptnl.c, which
 * writes a fixed set of attributes in a fixed order with defaults for what the command did not say (PROTO, LOCAL and
 * REMOTE when given, PMTUDISC, TOS, TTL, LINK, FWMARK, the four ENCAP attributes, and for sit FLAGS). The encoder
 * writes the same set in the same order, so a golden capture equals our bytes.
 *
 * <p>Change: the kernel's changelink (net/ipv4/ipip.c ipip_changelink(), net/ipv6/sit.c ipip6_changelink()) parses
 * the attributes into a zeroed struct (ipip_netlink_parms(), ipip6_netlink_parms()): an attribute left out is reset
 * to its default, not kept. So a change writes the whole set, like {@code ip link set ... type ipip} does after
 * reading the link back; {@link #changeFrom} fills what the config does not manage from the kernel's values. The
 * changelink then applies local, remote, dev, ttl, tos and pmtudisc in place (ip_tunnel_update(),
 * ipip6_tunnel_update()); the protocol (mode) is not updated there, so a mode change re-creates. A tunnel with a
 * remote is point-to-point, one without is not, and changelink refuses to switch (EINVAL), so adding or removing
 * the remote re-creates too. {@code external} (collect_md) is not offered: changelink refuses it (EINVAL).
 */
public abstract class Ip4TunnelKind<S extends KindSpec & Ip4TunnelKind.Settings> implements LinkKind<S> {

    /** The fields of an ipip or sit spec, in iproute2's words; an empty Optional is not managed. */
    public interface Settings {
        /** {@code mode}: IFLA_IPTUN_PROTO in iproute2's words (ipip, ip6ip, mplsip, any). */
        Optional<String> mode();

        /** {@code local}: IFLA_IPTUN_LOCAL. */
        Optional<InetAddress> local();

        /** {@code remote}: IFLA_IPTUN_REMOTE; none makes a multipoint tunnel. */
        Optional<InetAddress> remote();

        /** {@code dev}: IFLA_IPTUN_LINK, the device the outer packets leave by. */
        Optional<String> dev();

        /** {@code ttl}: IFLA_IPTUN_TTL, 0 = inherit. */
        Optional<Integer> ttl();

        /** {@code tos}: IFLA_IPTUN_TOS. */
        Optional<Inheritable> tos();

        /** {@code pmtudisc}: IFLA_IPTUN_PMTUDISC (set DF on outer packets). */
        Optional<Boolean> pmtudisc();
    }

    /** Builds the kind's spec record from the fields (its canonical constructor). */
    @FunctionalInterface
    public interface Factory<S> {
        S create(Optional<String> mode, Optional<InetAddress> local, Optional<InetAddress> remote,
                 Optional<String> dev, Optional<Integer> ttl, Optional<Inheritable> tos, Optional<Boolean> pmtudisc);
    }

    /** sit's IFLA_IPTUN_FLAGS is a u16 (SIT_ISATAP); ip6tnl's is a u32. Same number, another width. */
    static final Attr IFLA_IPTUN_FLAGS_U16 = Attr.of("IFLA_IPTUN_FLAGS", 8, AttrType.U16);
    /** The endpoints as this family writes them: an IPv6 address here fails in the writer, not at the kernel. */
    private static final Attr LOCAL = Attr.of("IFLA_IPTUN_LOCAL", 2, AttrType.IN_ADDR);
    private static final Attr REMOTE = Attr.of("IFLA_IPTUN_REMOTE", 3, AttrType.IN_ADDR);

    private final String name;
    private final Class<S> specType;
    private final Factory<S> factory;
    private final Map<String, Integer> modes;
    private final boolean sit;
    private final List<Option> options;

    /**
     * @param modes the {@code mode} words and their IPPROTO numbers, in iproute2's spelling
     * @param sit   whether to write sit's FLAGS attribute, as link_iptnl.c does for sit only
     */
    protected Ip4TunnelKind(String name, Class<S> specType, Factory<S> factory, Map<String, Integer> modes,
                            boolean sit, String since) {
        this.name = name;
        this.specType = specType;
        this.factory = factory;
        this.modes = modes;
        this.sit = sit;
        this.options = List.of(
                Option.createOnly("mode", new ValueType.Choice(List.copyOf(modes.keySet())), since,
                        "IFLA_IPTUN_PROTO: the inner protocol (any = what the packet is; mplsip needs 4.7);"
                                + " changelink does not update it"),
                Option.inPlace("local", ValueType.ipv4(), since, "IFLA_IPTUN_LOCAL: the outer source address"),
                Option.inPlace("remote", ValueType.ipv4(), since,
                        "IFLA_IPTUN_REMOTE: the outer destination; adding or removing it re-creates"
                                + " (point-to-point vs multipoint)"),
                Option.inPlace("dev", ValueType.interfaceName(), since,
                        "IFLA_IPTUN_LINK: bind the tunnel to this device"),
                Option.inPlace("ttl", TunnelValues.TTL, since, "IFLA_IPTUN_TTL: outer ttl, 0 or inherit = inner"),
                Option.inPlace("tos", TunnelValues.TOS, since,
                        "IFLA_IPTUN_TOS: outer tos byte, inherit, or a DS field name (af41, cs6, ef)"),
                Option.inPlace("pmtudisc", ValueType.bool(), since,
                        "IFLA_IPTUN_PMTUDISC: path MTU discovery (DF on outer packets); false needs ttl inherit"));
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
        TunnelValues.family(v, name, false, "ip6tnl", problems);
        Optional<Integer> ttl = TunnelValues.ttl(v, "ttl");
        Optional<Boolean> pmtudisc = v.bool("pmtudisc");
        // link_iptnl.c: "ttl != 0 and nopmtudisc are incompatible" (a fixed ttl needs DF set).
        if (pmtudisc.isPresent() && !pmtudisc.get() && ttl.isPresent() && ttl.get() != 0) {
            problems.add("pmtudisc", "pmtudisc: false needs ttl inherit (0); ttl " + ttl.get()
                    + " and nopmtudisc are incompatible");
        }
        return factory.create(v.string("mode"), v.ip("local"), v.ip("remote"), v.string("dev"), ttl,
                TunnelValues.tos4(v, problems), pmtudisc);
    }

    @Override
    public OptionValues toOptions(S s) {
        return OptionValues.builder()
                .put("mode", s.mode())
                .put("local", s.local())
                .put("remote", s.remote())
                .put("dev", s.dev())
                .put("ttl", s.ttl())
                .put("tos", s.tos().map(Inheritable::toOption))
                .put("pmtudisc", s.pmtudisc())
                .build();
    }

    @Override
    public void encodeCreate(S s, EncodeContext ctx, MessageWriter w) {
        w.putInt(IFLA_IPTUN_PROTO, modes.get(s.mode().orElse("any")));
        s.local().ifPresent(a -> w.putAddress(LOCAL, a));
        s.remote().ifPresent(a -> w.putAddress(REMOTE, a));
        w.putInt(IFLA_IPTUN_PMTUDISC, s.pmtudisc().orElse(true) ? 1 : 0);
        w.putInt(IFLA_IPTUN_TOS, s.tos().map(t -> t.inherit() ? 1 : t.value()).orElse(0L));
        w.putInt(IFLA_IPTUN_TTL, s.ttl().orElse(0));
        w.putInt(IFLA_IPTUN_LINK, s.dev().map(ctx::ifindex).orElse(0));
        // Not managed by vlinkd; written with iproute2's defaults so that the request is the one `ip` sends.
        w.putInt(IFLA_IPTUN_FWMARK, 0);
        w.putInt(IFLA_IPTUN_ENCAP_TYPE, 0);
        w.putInt(IFLA_IPTUN_ENCAP_FLAGS, 0);
        w.putInt(IFLA_IPTUN_ENCAP_SPORT, 0);
        w.putInt(IFLA_IPTUN_ENCAP_DPORT, 0);
        if (sit) {
            w.putInt(IFLA_IPTUN_FLAGS_U16, 0);
        }
    }

    /** The whole set, as create writes it: changelink resets what it is not given (see the class comment). */
    @Override
    public void encodeChange(S desired, EncodeContext ctx, MessageWriter w) {
        encodeCreate(desired, ctx, w);
    }

    @Override
    public S changeFrom(S desired, S observed) {
        return factory.create(desired.mode().or(observed::mode), desired.local().or(observed::local),
                desired.remote().or(observed::remote), desired.dev().or(observed::dev),
                desired.ttl().or(observed::ttl), desired.tos().or(observed::tos),
                desired.pmtudisc().or(observed::pmtudisc));
    }

    @Override
    public S decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        Optional<String> mode = Optional.empty();
        Optional<Long> proto = d.integer(IFLA_IPTUN_PROTO);
        if (proto.isPresent()) {
            for (Map.Entry<String, Integer> e : modes.entrySet()) {
                if (e.getValue() == proto.get().intValue()) {
                    mode = Optional.of(e.getKey());
                }
            }
        }
        Optional<Inheritable> tos = d.integer(IFLA_IPTUN_TOS)
                .map(t -> (t & 1) != 0 ? Inheritable.INHERIT : Inheritable.of(t));
        return factory.create(mode, TunnelValues.address(d, IFLA_IPTUN_LOCAL),
                TunnelValues.address(d, IFLA_IPTUN_REMOTE), TunnelValues.device(d, IFLA_IPTUN_LINK, ctx),
                d.integer(IFLA_IPTUN_TTL).map(Long::intValue), tos,
                d.integer(IFLA_IPTUN_PMTUDISC).map(p -> p != 0));
    }

    @Override
    public List<String> ipArgs(S s) {
        List<String> a = new ArrayList<>();
        s.mode().ifPresent(m -> a.addAll(List.of("mode", m)));
        s.local().ifPresent(l -> a.addAll(List.of("local", TunnelValues.addressWord(l))));
        s.remote().ifPresent(r -> a.addAll(List.of("remote", TunnelValues.addressWord(r))));
        s.dev().ifPresent(d -> a.addAll(List.of("dev", d)));
        s.ttl().ifPresent(t -> a.addAll(List.of("ttl", Integer.toString(t))));
        s.tos().ifPresent(t -> a.addAll(List.of("tos", TunnelValues.tosWord(t))));
        s.pmtudisc().ifPresent(p -> a.add(p ? "pmtudisc" : "nopmtudisc"));
        return a;
    }

    @Override
    public boolean writesInfoData(S spec) {
        return true;
    }

    @Override
    public List<Difference> differences(S desired, S observed) {
        return TunnelRules.pointToPoint(LinkKind.super.differences(desired, observed), desired.remote(),
                observed.remote(), false);
    }
}
