package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.IpTunnelAttrs.*;

import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.net.InetAddress;
import java.util.HashMap;
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
 * <p>Change (see {@link TunnelKind}): ip6_tnl_changelink() starts from a zeroed struct (ip6_tnl_netlink_parms());
 * ip6_tnl_update()/ip6_tnl_change() then update every option here in place, the mode (proto) included.
 */
public final class Ip6tnlKind extends TunnelKind<Ip6tnlKind.Ip6tnlSpec> {

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
                             Optional<Inheritable> tos, Optional<Inheritable> flowlabel)
            implements KindSpec, TunnelKind.Endpoints, Ip6Header.Settings {
    }

    private static final TunnelModes MODES = TunnelModes.of(Map.entry("any", 0), Map.entry("ip6ip6", IPPROTO_IPV6),
            Map.entry("ipip6", IPPROTO_IPIP));
    private static final EndpointAttrs ENDS = EndpointAttrs.ipv6(IFLA_IPTUN_LINK, IFLA_IPTUN_LOCAL,
            IFLA_IPTUN_REMOTE);
    private static final String SINCE = "3.8";

    private static final List<Option> OPTIONS = List.of(
            Option.inPlace("mode", MODES.type(), SINCE, "IFLA_IPTUN_PROTO: ip6ip6, ipip6 or any (iproute2's default)"),
            TunnelOptions.local(ENDS, SINCE),
            TunnelOptions.remote(ENDS, SINCE, ""),
            TunnelOptions.dev(ENDS, SINCE),
            TunnelOptions.hoplimit(IFLA_IPTUN_TTL, SINCE),
            TunnelOptions.encaplimit(IFLA_IPTUN_ENCAP_LIMIT, SINCE),
            TunnelOptions.tclass(IFLA_IPTUN_FLOWINFO, SINCE),
            TunnelOptions.flowlabel(IFLA_IPTUN_FLOWINFO, SINCE));

    public static final Ip6tnlKind INSTANCE = new Ip6tnlKind();

    private Ip6tnlKind() {
        super("ip6tnl", Ip6tnlSpec.class, SPACE, OPTIONS, ENDS, "ipip or sit", RemoteRule.IN_PLACE);
    }

    @Override
    public void encodeCreate(Ip6tnlSpec s, EncodeContext ctx, MessageWriter w) {
        w.putInt(IFLA_IPTUN_PROTO, MODES.proto(s.mode()));
        writeAddresses(s, w);
        w.putInt(IFLA_IPTUN_TTL, s.hoplimit().orElse(DEFAULT_HOP_LIMIT));
        w.putInt(IFLA_IPTUN_ENCAP_LIMIT, Ip6Header.encapLimitByte(s.encaplimit()));
        w.putInt(IFLA_IPTUN_FLOWINFO, Ip6Header.flowinfo(s));
        w.putInt(IFLA_IPTUN_FLAGS, Ip6Header.flags(s));
        w.putInt(IFLA_IPTUN_LINK, linkIndex(s, ctx));
        // Not managed by vlinkd; iproute2's defaults, so that the request is the one `ip` sends.
        w.putInt(IFLA_IPTUN_FWMARK, 0);
        w.putInt(IFLA_IPTUN_ENCAP_TYPE, 0);
        w.putInt(IFLA_IPTUN_ENCAP_FLAGS, TUNNEL_ENCAP_FLAG_CSUM6);
        w.putInt(IFLA_IPTUN_ENCAP_SPORT, 0);
        w.putInt(IFLA_IPTUN_ENCAP_DPORT, 0);
    }

    @Override
    public Ip6tnlSpec decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        Map<String, Optional<?>> values = new HashMap<>(Ip6Header.decode(d, IFLA_IPTUN_TTL, IFLA_IPTUN_ENCAP_LIMIT,
                IFLA_IPTUN_FLOWINFO, IFLA_IPTUN_FLAGS));
        values.putAll(Map.of("mode", MODES.mode(d.integer(IFLA_IPTUN_PROTO)), "local", decodeLocal(d),
                "remote", decodeRemote(d), "dev", decodeDev(d, ctx)));
        return specOf(values);
    }

    /** See {@link LinkKind#changeResetsMtu()}. */
    @Override
    public boolean changeResetsMtu() {
        return true;
    }
}
