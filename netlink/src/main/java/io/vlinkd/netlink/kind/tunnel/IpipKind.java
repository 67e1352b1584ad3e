package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.IpTunnelAttrs.*;

import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An IPv4-in-IPv4 tunnel (net/ipv4/ipip.c); the same class serves {@link SitKind} (IPv6, IPv4 or MPLS over IPv4),
 * which differs in its name, its modes and one attribute.
 *
 * <pre>
 * - name: tun0
 *   kind: ipip
 *   ipip: { local: 192.0.2.1, remote: 198.51.100.1, ttl: 64, tos: inherit }
 * </pre>
 * Equivalent to: {@code ip link add tun0 type ipip local 192.0.2.1 remote 198.51.100.1 ttl 64 tos inherit}.
 *
 * <p>IPv4 outer header, {@code IFLA_IPTUN_*} attributes, and iproute2's link_iptnl.c, which writes a fixed set of
 * attributes in a fixed order with defaults for what the command did not say (PROTO, LOCAL and REMOTE when given,
 * PMTUDISC, TOS, TTL, LINK, FWMARK, the four ENCAP attributes, and for sit FLAGS). The encoder writes the same set in
 * the same order, so a golden capture equals our bytes.
 *
 * <p>Change (see {@link TunnelKind}): net/ipv4/ipip.c ipip_changelink() and net/ipv6/sit.c ipip6_changelink() start
 * from a zeroed struct (ipip_netlink_parms(), ipip6_netlink_parms()), then apply local, remote, dev, ttl, tos and
 * pmtudisc in place (ip_tunnel_update(), ipip6_tunnel_update()); the protocol (mode) is not updated there, so a mode
 * change re-creates. A tunnel with a remote is point-to-point, one without is not, and changelink refuses to switch
 * (EINVAL), so adding or removing the remote re-creates too.
 */
public final class IpipKind extends TunnelKind<IpipKind.IpipSpec> {

    /**
     * The options of an ipip or sit link; an empty Optional is not managed.
     *
     * @param mode {@code mode}: IFLA_IPTUN_PROTO in iproute2's words (ipip, ip6ip, mplsip, any)
     */
    public record IpipSpec(Optional<String> mode, Optional<InetAddress> local, Optional<InetAddress> remote,
                           Optional<String> dev, Optional<Integer> ttl, Optional<Inheritable> tos,
                           Optional<Boolean> pmtudisc) implements KindSpec, TunnelKind.Endpoints, Ip4Header.Settings {
    }

    /** sit's IFLA_IPTUN_FLAGS is a u16 (SIT_ISATAP); ip6tnl's is a u32. Same number, another width. */
    static final Attr IFLA_IPTUN_FLAGS_U16 = Attr.of("IFLA_IPTUN_FLAGS", 8, AttrType.U16);
    private static final EndpointAttrs ENDS = EndpointAttrs.ipv4(IFLA_IPTUN_LINK, IFLA_IPTUN_LOCAL,
            IFLA_IPTUN_REMOTE);

    /** link_iptnl.c: ipip takes mode ipip (IPPROTO_IPIP), mplsip (IPPROTO_MPLS) or any (0, iproute2's default). */
    private static final TunnelModes MODES = TunnelModes.of(Map.entry("any", 0),
            Map.entry("ipip", IpTunnelAttrs.IPPROTO_IPIP), Map.entry("mplsip", IpTunnelAttrs.IPPROTO_MPLS));

    // ipip's rtnl_link_ops (and so IFLA_IPTUN_*) came with Linux 3.8.
    public static final IpipKind INSTANCE = new IpipKind("ipip", MODES, false, "3.8");

    private final TunnelModes modes;
    private final boolean sit;

    /**
     * @param modes the {@code mode} words and their IPPROTO numbers
     * @param sit   whether to write sit's FLAGS attribute, as link_iptnl.c does for sit only
     */
    IpipKind(String name, TunnelModes modes, boolean sit, String since) {
        super(name, IpipSpec.class, SPACE, options(modes, since), ENDS, "ip6tnl", RemoteRule.POINT_TO_POINT);
        this.modes = modes;
        this.sit = sit;
    }

    private static List<Option> options(TunnelModes modes, String since) {
        return List.of(
                Option.createOnly("mode", modes.type(), since,
                        "IFLA_IPTUN_PROTO: the inner protocol (any = what the packet is; mplsip needs 4.7);"
                                + " changelink does not update it"),
                TunnelOptions.local(ENDS, since),
                TunnelOptions.remote(ENDS, since,
                        "; adding or removing it re-creates (point-to-point vs multipoint)"),
                Option.inPlace("dev", ValueType.interfaceName(), since,
                        "IFLA_IPTUN_LINK: bind the tunnel to this device"),
                TunnelOptions.ttl(IFLA_IPTUN_TTL, since),
                TunnelOptions.tos(IFLA_IPTUN_TOS, since),
                TunnelOptions.pmtudisc(IFLA_IPTUN_PMTUDISC, since, "; false needs ttl inherit"));
    }

    @Override
    protected void validate(OptionValues v, LinkCommon common, Problems problems) {
        checkFamily(v, problems);
        Optional<Object> ttl = v.get("ttl").map(TunnelValues.TTL_VALUE::toSpec);
        Optional<Boolean> pmtudisc = v.bool("pmtudisc");
        // link_iptnl.c: "ttl != 0 and nopmtudisc are incompatible" (a fixed ttl needs DF set).
        if (pmtudisc.isPresent() && !pmtudisc.get() && ttl.isPresent() && (Integer) ttl.get() != 0) {
            problems.add("pmtudisc", "pmtudisc: false needs ttl inherit (0); ttl " + ttl.get()
                    + " and nopmtudisc are incompatible");
        }
        TunnelValues.checkTos4(v, problems);
    }

    @Override
    public void encodeCreate(IpipSpec s, EncodeContext ctx, MessageWriter w) {
        w.putInt(IFLA_IPTUN_PROTO, modes.proto(s.mode()));
        writeAddresses(s, w);
        w.putInt(IFLA_IPTUN_PMTUDISC, s.pmtudisc().orElse(true) ? 1 : 0);
        w.putInt(IFLA_IPTUN_TOS, Ip4Header.tosByte(s.tos()));
        w.putInt(IFLA_IPTUN_TTL, s.ttl().orElse(0));
        w.putInt(IFLA_IPTUN_LINK, linkIndex(s, ctx));
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

    @Override
    public IpipSpec decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        return specOf(Map.of("mode", modes.mode(d.integer(IFLA_IPTUN_PROTO)), "local", decodeLocal(d),
                "remote", decodeRemote(d), "dev", decodeDev(d, ctx), "ttl", d.integer(IFLA_IPTUN_TTL),
                "tos", d.integer(IFLA_IPTUN_TOS).map(Ip4Header::tos),
                "pmtudisc", d.integer(IFLA_IPTUN_PMTUDISC).map(p -> p != 0)));
    }

}
