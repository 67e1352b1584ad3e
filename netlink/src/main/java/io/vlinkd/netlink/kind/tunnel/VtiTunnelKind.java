package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.VtiAttrs.*;

import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * What vti and vti6 share: an IPsec virtual tunnel interface whose keys are the marks of the xfrm policies it
 * matches; {@code IFLA_VTI_*}; iproute2's link_vti.c/link_vti6.c write IKEY, OKEY, LOCAL/REMOTE when given, FWMARK
 * and LINK when given. vti has no ttl, tos or GRE flags.
 *
 * <p>Change (see {@link TunnelKind}): net/ipv4/ip_vti.c vti_changelink() and net/ipv6/ip6_vti.c vti6_changelink()
 * start from a zeroed struct (vti_netlink_parms(), vti6_netlink_parms()); the update is then in place. For vti,
 * ip_tunnel_changelink() refuses (EINVAL) a remote change between set and unset (point-to-point vs multipoint): that
 * re-creates.
 */
public abstract class VtiTunnelKind<S extends KindSpec & VtiTunnelKind.Settings> extends TunnelKind<S> {

    /** The fields of a vti or vti6 spec besides the endpoints, in iproute2's words; empty is not managed. */
    public interface Settings extends TunnelKind.Endpoints {
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

    private final Factory<S> factory;

    /** @param v6 vti6: the outer header is IPv6, and the kernel changes any remote in place */
    protected VtiTunnelKind(String name, Class<S> specType, Factory<S> factory, boolean v6, String since) {
        super(name, specType, SPACE, options(ends(v6), since), ends(v6), v6 ? "vti" : "vti6",
                v6 ? RemoteRule.IN_PLACE : RemoteRule.POINT_TO_POINT);
        this.factory = factory;
    }

    private static EndpointAttrs ends(boolean v6) {
        return v6 ? EndpointAttrs.ipv6(IFLA_VTI_LINK, IFLA_VTI_LOCAL, IFLA_VTI_REMOTE)
                : EndpointAttrs.ipv4(IFLA_VTI_LINK, IFLA_VTI_LOCAL, IFLA_VTI_REMOTE);
    }

    private static List<Option> options(EndpointAttrs ends, String since) {
        return List.of(
                TunnelOptions.local(ends, since),
                TunnelOptions.remote(ends, since, ends.v6() ? "" : "; adding or removing it re-creates"),
                TunnelOptions.dev(ends, since),
                // toOptions reports ikey and okey, never key, so key only needs fields for restrict.
                Option.inPlace("key", TunnelValues.KEY, since, "ikey and okey at once (number or dotted quad)")
                        .fields("ikey", "okey"),
                Option.inPlace("ikey", TunnelValues.KEY, since, "IFLA_VTI_IKEY: mark of inbound xfrm policies"),
                Option.inPlace("okey", TunnelValues.KEY, since, "IFLA_VTI_OKEY: mark of outbound xfrm policies"));
    }

    @Override
    public S fromOptions(OptionValues v, LinkCommon common, Problems problems) {
        checkFamily(v, problems);
        Optional<Long>[] keys = TunnelValues.keys(v, problems);
        return factory.create(v.ip("local"), v.ip("remote"), v.string("dev"), keys[0], keys[1]);
    }

    @Override
    public OptionValues toOptions(S s) {
        return putEndpoints(OptionValues.builder(), s).put("ikey", s.ikey()).put("okey", s.okey()).build();
    }

    @Override
    public void encodeCreate(S s, EncodeContext ctx, MessageWriter w) {
        w.putInt(IFLA_VTI_IKEY, s.ikey().orElse(0L));
        w.putInt(IFLA_VTI_OKEY, s.okey().orElse(0L));
        writeAddresses(s, w);
        // Not managed by vlinkd; iproute2's default, so that the request is the one `ip` sends.
        w.putInt(IFLA_VTI_FWMARK, 0);
        s.dev().ifPresent(d -> w.putInt(IFLA_VTI_LINK, ctx.ifindex(d)));
    }

    @Override
    public S changeFrom(S d, S o) {
        return factory.create(d.local().or(o::local), d.remote().or(o::remote), d.dev().or(o::dev),
                d.ikey().or(o::ikey), d.okey().or(o::okey));
    }

    @Override
    public S decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        return factory.create(decodeLocal(d), decodeRemote(d), decodeDev(d, ctx), d.integer(IFLA_VTI_IKEY),
                d.integer(IFLA_VTI_OKEY));
    }

    @Override
    public List<String> ipArgs(S s) {
        List<String> a = endpointArgs(s);
        a.addAll(TunnelValues.keyArgs(s.ikey(), s.okey()));
        return a;
    }
}
