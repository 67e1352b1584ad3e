package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.GreAttrs.*;

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
import java.util.Optional;

/**
 * What gre and gretap share: GRE over IPv4, {@code IFLA_GRE_*}, and iproute2's link_gre.c, which writes IKEY, OKEY,
 * IFLAGS, OFLAGS, LOCAL/REMOTE when given, PMTUDISC, TOS, LINK when given, TTL, FWMARK and the four ENCAP attributes,
 * with defaults for what the command did not say. A multicast remote without keys gets the group address as both
 * keys, as link_gre.c does, and needs a local address ("A broadcast tunnel requires a source address").
 *
 * <p>Change: net/ipv4/ip_gre.c ipgre_changelink() parses the attributes into a zeroed struct (ipgre_netlink_parms()),
 * so a change writes the whole set (see {@link #changeFrom}); ip_tunnel_changelink() then updates local, remote,
 * dev, ttl, tos, pmtudisc and the keys and flags in place. For gre (not Ethernet) a remote change that turns a
 * point-to-point tunnel into a multipoint or broadcast one is refused (EINVAL) and re-creates; gretap has no such
 * rule. {@code external} (collect_md) is not offered.
 */
public abstract class GreTunnelKind<S extends KindSpec & GreTunnelKind.Settings> implements LinkKind<S> {

    /** The fields of a gre or gretap spec, in iproute2's words; an empty Optional is not managed. */
    public interface Settings {
        /** {@code local}: IFLA_GRE_LOCAL. */
        Optional<InetAddress> local();

        /** {@code remote}: IFLA_GRE_REMOTE (unicast, multicast, or none for a multipoint tunnel). */
        Optional<InetAddress> remote();

        /** {@code dev}: IFLA_GRE_LINK. */
        Optional<String> dev();

        /** {@code ttl}: IFLA_GRE_TTL, 0 = inherit. */
        Optional<Integer> ttl();

        /** {@code tos}: IFLA_GRE_TOS. */
        Optional<Inheritable> tos();

        /** {@code pmtudisc}: IFLA_GRE_PMTUDISC. */
        Optional<Boolean> pmtudisc();

        /** {@code key}, {@code ikey}, {@code okey}, {@code iseq}, {@code oseq}, {@code icsum}, {@code ocsum}. */
        GreHeader header();
    }

    /** Builds the kind's spec record from the fields (its canonical constructor). */
    @FunctionalInterface
    public interface Factory<S> {
        S create(Optional<InetAddress> local, Optional<InetAddress> remote, Optional<String> dev,
                 Optional<Integer> ttl, Optional<Inheritable> tos, Optional<Boolean> pmtudisc, GreHeader header);
    }

    private static final Attr LOCAL = Attr.of("IFLA_GRE_LOCAL", 6, AttrType.IN_ADDR);
    private static final Attr REMOTE = Attr.of("IFLA_GRE_REMOTE", 7, AttrType.IN_ADDR);

    private final String name;
    private final Class<S> specType;
    private final Factory<S> factory;
    private final boolean ethernet;
    private final List<Option> options;

    /** @param ethernet gretap: an Ethernet device, not bound by the point-to-point rule of changelink */
    protected GreTunnelKind(String name, Class<S> specType, Factory<S> factory, boolean ethernet, String since) {
        this.name = name;
        this.specType = specType;
        this.factory = factory;
        this.ethernet = ethernet;
        List<Option> o = new ArrayList<>(List.of(
                Option.inPlace("local", ValueType.ipv4(), since, "IFLA_GRE_LOCAL: the outer source address"),
                Option.inPlace("remote", ValueType.ipv4(), since, "IFLA_GRE_REMOTE: the outer destination"
                        + (ethernet ? "" : "; a change between unicast, multicast and none re-creates")),
                Option.inPlace("dev", ValueType.interfaceName(), since, "IFLA_GRE_LINK: bind to this device"),
                Option.inPlace("ttl", TunnelValues.TTL, since, "IFLA_GRE_TTL: outer ttl, 0 or inherit = inner"),
                Option.inPlace("tos", TunnelValues.TOS, since,
                        "IFLA_GRE_TOS: outer tos byte, inherit, or a DS field name (af41, cs6, ef)"),
                Option.inPlace("pmtudisc", ValueType.bool(), since,
                        "IFLA_GRE_PMTUDISC: path MTU discovery (DF on outer packets)")));
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
        TunnelValues.family(v, name, false, "ip6" + name, problems);
        Optional<InetAddress> remote = v.ip("remote");
        if (remote.isPresent() && remote.get().isMulticastAddress() && v.ip("local").isEmpty()) {
            problems.add("remote", "a multicast remote (" + remote.get().getHostAddress()
                    + ") makes a broadcast tunnel, which needs a local address");
        }
        return factory.create(v.ip("local"), remote, v.string("dev"), TunnelValues.ttl(v, "ttl"),
                TunnelValues.tos4(v, problems), v.bool("pmtudisc"), GreHeader.fromOptions(v, problems));
    }

    @Override
    public OptionValues toOptions(S s) {
        OptionValues.Builder b = OptionValues.builder()
                .put("local", s.local())
                .put("remote", s.remote())
                .put("dev", s.dev())
                .put("ttl", s.ttl())
                .put("tos", s.tos().map(Inheritable::toOption))
                .put("pmtudisc", s.pmtudisc());
        s.header().toOptions(b);
        return b.build();
    }

    @Override
    public void encodeCreate(S s, EncodeContext ctx, MessageWriter w) {
        GreHeader h = s.header();
        if (s.remote().isPresent() && s.remote().get().isMulticastAddress()) {
            // link_gre.c: a multicast remote without keys gets the group address as key in both directions.
            long group = groupKey(s.remote().get());
            h = new GreHeader(h.ikey().filter(k -> k != 0).or(() -> Optional.of(group)),
                    h.okey().filter(k -> k != 0).or(() -> Optional.of(group)), h.iseq(), h.oseq(), h.icsum(),
                    h.ocsum());
        }
        h.write(w);
        s.local().ifPresent(a -> w.putAddress(LOCAL, a));
        s.remote().ifPresent(a -> w.putAddress(REMOTE, a));
        w.putInt(IFLA_GRE_PMTUDISC, s.pmtudisc().orElse(true) ? 1 : 0);
        w.putInt(IFLA_GRE_TOS, s.tos().map(t -> t.inherit() ? 1 : t.value()).orElse(0L));
        s.dev().ifPresent(d -> w.putInt(IFLA_GRE_LINK, ctx.ifindex(d)));
        w.putInt(IFLA_GRE_TTL, s.ttl().orElse(0));
        // Not managed by vlinkd; iproute2's defaults, so that the request is the one `ip` sends.
        w.putInt(IFLA_GRE_FWMARK, 0);
        w.putInt(IFLA_GRE_ENCAP_TYPE, 0);
        w.putInt(IFLA_GRE_ENCAP_FLAGS, 0);
        w.putInt(IFLA_GRE_ENCAP_SPORT, 0);
        w.putInt(IFLA_GRE_ENCAP_DPORT, 0);
    }

    private static long groupKey(InetAddress group) {
        byte[] b = group.getAddress();
        return (b[0] & 0xffL) << 24 | (b[1] & 0xffL) << 16 | (b[2] & 0xffL) << 8 | (b[3] & 0xffL);
    }

    /** The whole set, as create writes it: changelink resets what it is not given (see the class comment). */
    @Override
    public void encodeChange(S desired, EncodeContext ctx, MessageWriter w) {
        encodeCreate(desired, ctx, w);
    }

    @Override
    public S changeFrom(S d, S o) {
        return factory.create(d.local().or(o::local), d.remote().or(o::remote), d.dev().or(o::dev),
                d.ttl().or(o::ttl), d.tos().or(o::tos), d.pmtudisc().or(o::pmtudisc), d.header().or(o.header()));
    }

    @Override
    public S decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        Optional<Inheritable> tos = d.integer(IFLA_GRE_TOS)
                .map(t -> (t & 1) != 0 ? Inheritable.INHERIT : Inheritable.of(t));
        return factory.create(TunnelValues.address(d, IFLA_GRE_LOCAL), TunnelValues.address(d, IFLA_GRE_REMOTE),
                TunnelValues.device(d, IFLA_GRE_LINK, ctx), d.integer(IFLA_GRE_TTL).map(Long::intValue), tos,
                d.integer(IFLA_GRE_PMTUDISC).map(p -> p != 0), GreHeader.decode(d));
    }

    @Override
    public List<String> ipArgs(S s) {
        List<String> a = new ArrayList<>();
        s.local().ifPresent(l -> a.addAll(List.of("local", TunnelValues.addressWord(l))));
        s.remote().ifPresent(r -> a.addAll(List.of("remote", TunnelValues.addressWord(r))));
        s.dev().ifPresent(d -> a.addAll(List.of("dev", d)));
        s.ttl().ifPresent(t -> a.addAll(List.of("ttl", Integer.toString(t))));
        s.tos().ifPresent(t -> a.addAll(List.of("tos", TunnelValues.tosWord(t))));
        s.pmtudisc().ifPresent(p -> a.add(p ? "pmtudisc" : "nopmtudisc"));
        a.addAll(s.header().ipArgs());
        return a;
    }

    @Override
    public boolean writesInfoData(S spec) {
        return true;
    }

    @Override
    public List<Difference> differences(S desired, S observed) {
        List<Difference> diffs = LinkKind.super.differences(desired, observed);
        return ethernet ? diffs : TunnelRules.pointToPoint(diffs, desired.remote(), observed.remote(), true);
    }
}
