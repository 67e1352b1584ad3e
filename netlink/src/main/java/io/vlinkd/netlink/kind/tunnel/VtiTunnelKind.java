package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.VtiAttrs.*;

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
 * What vti and vti6 share: an IPsec virtual tunnel interface whose keys are the marks of the xfrm policies it
 * matches; {@code IFLA_VTI_*}; iproute2's link_vti.c/link_vti6.c write IKEY, OKEY, LOCAL/REMOTE when given, FWMARK
 * and LINK when given. vti has no ttl, tos or GRE flags.
 *
 * <p>Change: net/ipv4/ip_vti.c vti_changelink() and net/ipv6/ip6_vti.c vti6_changelink() parse into a zeroed struct
 * (vti_netlink_parms(), vti6_netlink_parms()), so a change writes the whole set (see {@link #changeFrom}); the
 * update is then in place. For vti, ip_tunnel_changelink() refuses (EINVAL) a remote change between set and unset
 * (point-to-point vs multipoint): that re-creates.
 */
public abstract class VtiTunnelKind<S extends KindSpec & VtiTunnelKind.Settings> implements LinkKind<S> {

    /** The fields of a vti or vti6 spec, in iproute2's words; an empty Optional is not managed. */
    public interface Settings {
        /** {@code local}: IFLA_VTI_LOCAL. */
        Optional<InetAddress> local();

        /** {@code remote}: IFLA_VTI_REMOTE. */
        Optional<InetAddress> remote();

        /** {@code dev}: IFLA_VTI_LINK. */
        Optional<String> dev();

        /** {@code ikey} (or {@code key}): IFLA_VTI_IKEY, the mark of inbound policies. */
        Optional<Long> ikey();

        /** {@code okey} (or {@code key}): IFLA_VTI_OKEY, the mark of outbound policies. */
        Optional<Long> okey();
    }

    /** Builds the kind's spec record from the fields (its canonical constructor). */
    @FunctionalInterface
    public interface Factory<S> {
        S create(Optional<InetAddress> local, Optional<InetAddress> remote, Optional<String> dev, Optional<Long> ikey,
                 Optional<Long> okey);
    }

    private final String name;
    private final Class<S> specType;
    private final Factory<S> factory;
    private final boolean v6;
    private final Attr local;
    private final Attr remote;
    private final List<Option> options;

    protected VtiTunnelKind(String name, Class<S> specType, Factory<S> factory, boolean v6, String since) {
        this.name = name;
        this.specType = specType;
        this.factory = factory;
        this.v6 = v6;
        AttrType addr = v6 ? AttrType.IN6_ADDR : AttrType.IN_ADDR;
        this.local = Attr.of("IFLA_VTI_LOCAL", 4, addr);
        this.remote = Attr.of("IFLA_VTI_REMOTE", 5, addr);
        ValueType ip = v6 ? ValueType.ipv6() : ValueType.ipv4();
        this.options = List.of(
                Option.inPlace("local", ip, since, "IFLA_VTI_LOCAL: the outer source address"),
                Option.inPlace("remote", ip, since, "IFLA_VTI_REMOTE: the outer destination"
                        + (v6 ? "" : "; adding or removing it re-creates")),
                Option.inPlace("dev", ValueType.interfaceName(), since, "IFLA_VTI_LINK: bind to this device"),
                Option.inPlace("key", TunnelValues.KEY, since, "ikey and okey at once (number or dotted quad)"),
                Option.inPlace("ikey", TunnelValues.KEY, since, "IFLA_VTI_IKEY: mark of inbound xfrm policies"),
                Option.inPlace("okey", TunnelValues.KEY, since, "IFLA_VTI_OKEY: mark of outbound xfrm policies"));
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
        TunnelValues.family(v, name, v6, v6 ? "vti" : "vti6", problems);
        Optional<Long>[] keys = TunnelValues.keys(v, problems);
        return factory.create(v.ip("local"), v.ip("remote"), v.string("dev"), keys[0], keys[1]);
    }

    @Override
    public OptionValues toOptions(S s) {
        return OptionValues.builder()
                .put("local", s.local())
                .put("remote", s.remote())
                .put("dev", s.dev())
                .put("ikey", s.ikey())
                .put("okey", s.okey())
                .build();
    }

    @Override
    public void encodeCreate(S s, EncodeContext ctx, MessageWriter w) {
        w.putInt(IFLA_VTI_IKEY, s.ikey().orElse(0L));
        w.putInt(IFLA_VTI_OKEY, s.okey().orElse(0L));
        s.local().ifPresent(a -> w.putAddress(local, a));
        s.remote().ifPresent(a -> w.putAddress(remote, a));
        // Not managed by vlinkd; iproute2's default, so that the request is the one `ip` sends.
        w.putInt(IFLA_VTI_FWMARK, 0);
        s.dev().ifPresent(d -> w.putInt(IFLA_VTI_LINK, ctx.ifindex(d)));
    }

    /** The whole set, as create writes it: changelink resets what it is not given (see the class comment). */
    @Override
    public void encodeChange(S desired, EncodeContext ctx, MessageWriter w) {
        encodeCreate(desired, ctx, w);
    }

    @Override
    public S changeFrom(S d, S o) {
        return factory.create(d.local().or(o::local), d.remote().or(o::remote), d.dev().or(o::dev),
                d.ikey().or(o::ikey), d.okey().or(o::okey));
    }

    @Override
    public S decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        return factory.create(TunnelValues.address(d, IFLA_VTI_LOCAL), TunnelValues.address(d, IFLA_VTI_REMOTE),
                TunnelValues.device(d, IFLA_VTI_LINK, ctx), d.integer(IFLA_VTI_IKEY), d.integer(IFLA_VTI_OKEY));
    }

    @Override
    public List<String> ipArgs(S s) {
        List<String> a = new ArrayList<>();
        s.local().ifPresent(l -> a.addAll(List.of("local", TunnelValues.addressWord(l))));
        s.remote().ifPresent(r -> a.addAll(List.of("remote", TunnelValues.addressWord(r))));
        s.dev().ifPresent(d -> a.addAll(List.of("dev", d)));
        if (s.ikey().isPresent() && s.ikey().equals(s.okey())) {
            a.addAll(List.of("key", Long.toString(s.ikey().get())));
        } else {
            s.ikey().ifPresent(k -> a.addAll(List.of("ikey", Long.toString(k))));
            s.okey().ifPresent(k -> a.addAll(List.of("okey", Long.toString(k))));
        }
        return a;
    }

    @Override
    public boolean writesInfoData(S spec) {
        return true;
    }

    @Override
    public List<Difference> differences(S desired, S observed) {
        List<Difference> diffs = LinkKind.super.differences(desired, observed);
        return v6 ? diffs : TunnelRules.pointToPoint(diffs, desired.remote(), observed.remote(), false);
    }
}
