package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.GreAttrs.*;

import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ip6gre and ip6gretap share: GRE over IPv6, {@code IFLA_GRE_*}, and iproute2's link_gre6.c, which writes IKEY,
 * OKEY, IFLAGS, OFLAGS, LOCAL/REMOTE when given, LINK when given, TTL (hop limit, default 64), ENCAP_LIMIT (default
 * 4), FLOWINFO, FLAGS, FWMARK, ERSPAN_VER (1, ignored for these kinds) and the four ENCAP attributes (ENCAP_FLAGS
 * defaulting to TUNNEL_ENCAP_FLAG_CSUM6). tos is the traffic class; iproute2 parses it as hexadecimal.
 *
 * <p>Change (see {@link TunnelKind}): net/ipv6/ip6_gre.c ip6gre_changelink() starts from a zeroed struct
 * (ip6gre_netlink_parms()); ip6gre_tnl_change() then updates every option here in place, re-deriving the
 * point-to-point flag itself.
 */
public abstract class Gre6TunnelKind<S extends KindSpec & Gre6TunnelKind.Settings> extends TunnelKind<S> {

    /** The fields of an ip6gre or ip6gretap spec: endpoints, outer header and GRE header; empty is not managed. */
    public interface Settings extends TunnelKind.Endpoints, Ip6Header.Settings {
        /** {@code key}, {@code ikey}, {@code okey}, {@code iseq}, {@code oseq}, {@code icsum}, {@code ocsum}. */
        GreHeader header();
    }

    private static final EndpointAttrs ENDS = EndpointAttrs.ipv6(IFLA_GRE_LINK, IFLA_GRE_LOCAL, IFLA_GRE_REMOTE);

    /** @param name ip6gre or ip6gretap; the kind without "ip6" carries the same over IPv4 */
    protected Gre6TunnelKind(String name, Class<S> specType, String since) {
        super(name, specType, SPACE, options(since), ENDS, name.substring(3), RemoteRule.IN_PLACE);
    }

    private static List<Option> options(String since) {
        List<Option> o = new ArrayList<>(List.of(
                TunnelOptions.local(ENDS, since),
                TunnelOptions.remote(ENDS, since, ""),
                TunnelOptions.dev(ENDS, since),
                TunnelOptions.hoplimit(IFLA_GRE_TTL, since),
                TunnelOptions.tclass(IFLA_GRE_FLOWINFO, since),
                TunnelOptions.flowlabel(IFLA_GRE_FLOWINFO, since),
                TunnelOptions.encaplimit(IFLA_GRE_ENCAP_LIMIT, since)));
        o.addAll(GreHeader.options(since));
        return o;
    }

    @Override
    public void encodeCreate(S s, EncodeContext ctx, MessageWriter w) {
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
    public S decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
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
