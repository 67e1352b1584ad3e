package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.GreAttrs.*;

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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A GRE tunnel over IPv4 carrying IP packets (net/ipv4/ip_gre.c, ARPHRD_IPGRE); the same class serves
 * {@link GretapKind}, which carries Ethernet frames and differs only in its name and its remote rule.
 *
 * <pre>
 * - name: gre1
 *   kind: gre
 *   gre: { local: 192.0.2.1, remote: 198.51.100.1, key: 42, ttl: 64, tos: af41 }
 * </pre>
 * Equivalent to: {@code ip link add gre1 type gre local 192.0.2.1 remote 198.51.100.1 ttl 64 tos 0x88 key 42}.
 *
 * <p>GRE over IPv4, {@code IFLA_GRE_*}, and iproute2's link_gre.c, which writes IKEY, OKEY, IFLAGS, OFLAGS,
 * LOCAL/REMOTE when given, PMTUDISC, TOS, LINK when given, TTL, FWMARK and the four ENCAP attributes, with defaults
 * for what the command did not say. A multicast remote without keys gets the group address as both keys, as
 * link_gre.c does, and needs a local address ("A broadcast tunnel requires a source address").
 *
 * <p>Change (see {@link TunnelKind}): net/ipv4/ip_gre.c ipgre_changelink() starts from a zeroed struct
 * (ipgre_netlink_parms()); ip_tunnel_changelink() then updates local, remote, dev, ttl, tos, pmtudisc and the keys
 * and flags in place. For gre (not Ethernet) a remote change that turns a point-to-point tunnel into a multipoint or
 * broadcast one is refused (EINVAL) and re-creates; gretap has no such rule.
 */
public final class GreKind extends TunnelKind<GreKind.GreSpec> {

    /**
     * The options of a gre or gretap link; an empty Optional is not managed.
     *
     * @param header {@code key}, {@code ikey}, {@code okey}, {@code iseq}, {@code oseq}, {@code icsum},
     *               {@code ocsum}: the GRE header
     */
    public record GreSpec(Optional<InetAddress> local, Optional<InetAddress> remote, Optional<String> dev,
                          Optional<Integer> ttl, Optional<Inheritable> tos, Optional<Boolean> pmtudisc,
                          GreHeader header) implements KindSpec, TunnelKind.Endpoints, Ip4Header.Settings {
    }

    private static final EndpointAttrs ENDS = EndpointAttrs.ipv4(IFLA_GRE_LINK, IFLA_GRE_LOCAL, IFLA_GRE_REMOTE);

    // ip_gre's rtnl_link_ops (IFLA_GRE_*) came with Linux 2.6.28.
    public static final GreKind INSTANCE = new GreKind("gre", false, "2.6.28");

    /** @param ethernet gretap: an Ethernet device, not bound by the point-to-point rule of changelink */
    GreKind(String name, boolean ethernet, String since) {
        super(name, GreSpec.class, SPACE, options(ethernet, since), ENDS, "ip6" + name,
                ethernet ? RemoteRule.IN_PLACE : RemoteRule.POINT_TO_POINT_OR_BROADCAST);
    }

    private static List<Option> options(boolean ethernet, String since) {
        List<Option> o = new ArrayList<>(TunnelOptions.endpoints(ENDS, since,
                ethernet ? "" : "; a change between unicast, multicast and none re-creates"));
        o.addAll(List.of(
                TunnelOptions.ttl(IFLA_GRE_TTL, since),
                TunnelOptions.tos(IFLA_GRE_TOS, since),
                TunnelOptions.pmtudisc(IFLA_GRE_PMTUDISC, since, "")));
        o.addAll(GreHeader.options(since));
        return o;
    }

    @Override
    protected void validate(OptionValues v, LinkCommon common, Problems problems) {
        checkFamily(v, problems);
        Optional<InetAddress> remote = v.ip("remote");
        if (remote.isPresent() && remote.get().isMulticastAddress() && v.ip("local").isEmpty()) {
            problems.add("remote", "a multicast remote (" + remote.get().getHostAddress()
                    + ") makes a broadcast tunnel, which needs a local address");
        }
        TunnelValues.checkTos4(v, problems);
        TunnelValues.checkKeys(v, problems);
    }

    @Override
    public void encodeCreate(GreSpec s, EncodeContext ctx, MessageWriter w) {
        GreHeader h = s.header();
        if (s.remote().isPresent() && s.remote().get().isMulticastAddress()) {
            // link_gre.c: a multicast remote without keys gets the group address as key in both directions.
            long group = groupKey(s.remote().get());
            h = new GreHeader(h.ikey().filter(k -> k != 0).or(() -> Optional.of(group)),
                    h.okey().filter(k -> k != 0).or(() -> Optional.of(group)), h.iseq(), h.oseq(), h.icsum(),
                    h.ocsum());
        }
        h.write(w);
        writeAddresses(s, w);
        w.putInt(IFLA_GRE_PMTUDISC, s.pmtudisc().orElse(true) ? 1 : 0);
        w.putInt(IFLA_GRE_TOS, Ip4Header.tosByte(s.tos()));
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

    @Override
    public GreSpec decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        Map<String, Optional<?>> values = new HashMap<>(GreHeader.decode(d));
        values.putAll(Map.of("local", decodeLocal(d), "remote", decodeRemote(d), "dev", decodeDev(d, ctx),
                "ttl", d.integer(IFLA_GRE_TTL), "tos", d.integer(IFLA_GRE_TOS).map(Ip4Header::tos),
                "pmtudisc", d.integer(IFLA_GRE_PMTUDISC).map(p -> p != 0)));
        return specOf(values);
    }

}
