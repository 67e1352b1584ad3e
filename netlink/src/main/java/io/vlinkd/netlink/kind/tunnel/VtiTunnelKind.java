package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.VtiAttrs.*;

import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** @param v6 vti6: the outer header is IPv6, and the kernel changes any remote in place */
    protected VtiTunnelKind(String name, Class<S> specType, boolean v6, String since) {
        super(name, specType, SPACE, options(ends(v6), since), ends(v6), v6 ? "vti" : "vti6",
                v6 ? RemoteRule.IN_PLACE : RemoteRule.POINT_TO_POINT);
    }

    private static EndpointAttrs ends(boolean v6) {
        return v6 ? EndpointAttrs.ipv6(IFLA_VTI_LINK, IFLA_VTI_LOCAL, IFLA_VTI_REMOTE)
                : EndpointAttrs.ipv4(IFLA_VTI_LINK, IFLA_VTI_LOCAL, IFLA_VTI_REMOTE);
    }

    private static List<Option> options(EndpointAttrs ends, String since) {
        List<Option> o = new ArrayList<>(List.of(
                TunnelOptions.local(ends, since),
                TunnelOptions.remote(ends, since, ends.v6() ? "" : "; adding or removing it re-creates"),
                TunnelOptions.dev(ends, since)));
        o.addAll(TunnelOptions.keys(since, "IFLA_VTI_IKEY: mark of inbound xfrm policies",
                "IFLA_VTI_OKEY: mark of outbound xfrm policies"));
        return o;
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
    public S decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        return specOf(Map.of("local", decodeLocal(d), "remote", decodeRemote(d), "dev", decodeDev(d, ctx),
                "ikey", d.integer(IFLA_VTI_IKEY), "okey", d.integer(IFLA_VTI_OKEY)));
    }

}
