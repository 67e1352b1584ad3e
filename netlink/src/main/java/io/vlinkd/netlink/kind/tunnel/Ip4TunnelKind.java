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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ipip and sit share: IPv4 outer header, {@code IFLA_IPTUN_*} attributes, and iproute2's link_iptnl.c, which
 * writes a fixed set of attributes in a fixed order with defaults for what the command did not say (PROTO, LOCAL and
 * REMOTE when given, PMTUDISC, TOS, TTL, LINK, FWMARK, the four ENCAP attributes, and for sit FLAGS). The encoder
 * writes the same set in the same order, so a golden capture equals our bytes.
 *
 * <p>Change (see {@link TunnelKind}): net/ipv4/ipip.c ipip_changelink() and net/ipv6/sit.c ipip6_changelink() start
 * from a zeroed struct (ipip_netlink_parms(), ipip6_netlink_parms()), then apply local, remote, dev, ttl, tos and
 * pmtudisc in place (ip_tunnel_update(), ipip6_tunnel_update()); the protocol (mode) is not updated there, so a mode
 * change re-creates. A tunnel with a remote is point-to-point, one without is not, and changelink refuses to switch
 * (EINVAL), so adding or removing the remote re-creates too.
 */
public abstract class Ip4TunnelKind<S extends KindSpec & Ip4TunnelKind.Settings> extends TunnelKind<S> {

    /** The fields of an ipip or sit spec: endpoints, outer header and the mode; empty is not managed. */
    public interface Settings extends TunnelKind.Endpoints, Ip4Header.Settings {
        /** {@code mode}: IFLA_IPTUN_PROTO in iproute2's words (ipip, ip6ip, mplsip, any). */
        Optional<String> mode();
    }

    /** sit's IFLA_IPTUN_FLAGS is a u16 (SIT_ISATAP); ip6tnl's is a u32. Same number, another width. */
    static final Attr IFLA_IPTUN_FLAGS_U16 = Attr.of("IFLA_IPTUN_FLAGS", 8, AttrType.U16);
    private static final EndpointAttrs ENDS = EndpointAttrs.ipv4(IFLA_IPTUN_LINK, IFLA_IPTUN_LOCAL,
            IFLA_IPTUN_REMOTE);

    private final TunnelModes modes;
    private final boolean sit;

    /**
     * @param modes the {@code mode} words and their IPPROTO numbers
     * @param sit   whether to write sit's FLAGS attribute, as link_iptnl.c does for sit only
     */
    protected Ip4TunnelKind(String name, Class<S> specType, TunnelModes modes, boolean sit, String since) {
        super(name, specType, SPACE, options(modes, since), ENDS, "ip6tnl", RemoteRule.POINT_TO_POINT);
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
    public void encodeCreate(S s, EncodeContext ctx, MessageWriter w) {
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
    public S decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        return specOf(Map.of("mode", modes.mode(d.integer(IFLA_IPTUN_PROTO)), "local", decodeLocal(d),
                "remote", decodeRemote(d), "dev", decodeDev(d, ctx), "ttl", d.integer(IFLA_IPTUN_TTL),
                "tos", d.integer(IFLA_IPTUN_TOS).map(Ip4Header::tos),
                "pmtudisc", d.integer(IFLA_IPTUN_PMTUDISC).map(p -> p != 0)));
    }

}
