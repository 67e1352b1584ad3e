package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.Option;
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
 * An IPv4 IPsec virtual tunnel interface (net/ipv4/ip_vti.c): traffic routed into it is encrypted by the xfrm
 * policies marked with its key. The same class serves {@link Vti6Kind}, its IPv6 sibling.
 *
 * <pre>
 * - name: vti0
 *   kind: vti
 *   vti: { local: 192.0.2.1, remote: 198.51.100.1, ikey: 10, okey: 20 }
 * </pre>
 * Equivalent to: {@code ip link add vti0 type vti local 192.0.2.1 remote 198.51.100.1 ikey 10 okey 20}.
 *
 * <p>{@code IFLA_VTI_*}; iproute2's link_vti.c/link_vti6.c write IKEY, OKEY, LOCAL/REMOTE when given, FWMARK and LINK
 * when given. vti has no ttl, tos or GRE flags.
 *
 * <p>Change (see {@link TunnelKind}): net/ipv4/ip_vti.c vti_changelink() and net/ipv6/ip6_vti.c vti6_changelink()
 * start from a zeroed struct (vti_netlink_parms(), vti6_netlink_parms()); the update is then in place. For vti,
 * ip_tunnel_changelink() refuses (EINVAL) a remote change between set and unset (point-to-point vs multipoint): that
 * re-creates.
 */
public final class VtiKind extends TunnelKind<VtiKind.VtiSpec> {
    // IFLA_VTI_* (linux/if_tunnel.h): the IFLA_INFO_DATA of vti and vti6.
    static final Attr IFLA_VTI_LINK = Attr.of("IFLA_VTI_LINK", 1, AttrType.U32);
    /** The key is the xfrm mark of the policies the tunnel matches; network byte order like a GRE key. */
    static final Attr IFLA_VTI_IKEY = Attr.of("IFLA_VTI_IKEY", 2, AttrType.BE32);
    static final Attr IFLA_VTI_OKEY = Attr.of("IFLA_VTI_OKEY", 3, AttrType.BE32);
    /** IPv4 for vti, IPv6 for vti6. */
    static final Attr IFLA_VTI_LOCAL = Attr.of("IFLA_VTI_LOCAL", 4, AttrType.IP_ADDR);
    static final Attr IFLA_VTI_REMOTE = Attr.of("IFLA_VTI_REMOTE", 5, AttrType.IP_ADDR);
    static final Attr IFLA_VTI_FWMARK = Attr.of("IFLA_VTI_FWMARK", 6, AttrType.U32);
    private static final AttrSpace SPACE = AttrSpace.of("IFLA_VTI", IFLA_VTI_LINK, IFLA_VTI_IKEY, IFLA_VTI_OKEY,
            IFLA_VTI_LOCAL, IFLA_VTI_REMOTE, IFLA_VTI_FWMARK);

    /**
     * The options of a vti or vti6 link; an empty Optional is not managed.
     *
     * @param ikey {@code ikey} (or {@code key}): IFLA_VTI_IKEY, the mark of inbound policies
     * @param okey {@code okey} (or {@code key}): IFLA_VTI_OKEY, the mark of outbound policies
     */
    public record VtiSpec(Optional<InetAddress> local, Optional<InetAddress> remote, Optional<String> dev,
                          Optional<Long> ikey, Optional<Long> okey) implements KindSpec, TunnelKind.Endpoints {
    }

    // ip_vti.c came with Linux 3.6.
    public static final VtiKind INSTANCE = new VtiKind("vti", false, "3.6");

    private final boolean v6;

    /** @param v6 vti6: the outer header is IPv6, and the kernel changes any remote in place */
    VtiKind(String name, boolean v6, String since) {
        super(name, VtiSpec.class, SPACE, options(ends(v6), since), ends(v6), v6 ? "vti" : "vti6",
                v6 ? RemoteRule.IN_PLACE : RemoteRule.POINT_TO_POINT);
        this.v6 = v6;
    }

    private static EndpointAttrs ends(boolean v6) {
        return v6 ? EndpointAttrs.ipv6(IFLA_VTI_LINK, IFLA_VTI_LOCAL, IFLA_VTI_REMOTE)
                : EndpointAttrs.ipv4(IFLA_VTI_LINK, IFLA_VTI_LOCAL, IFLA_VTI_REMOTE);
    }

    private static List<Option> options(EndpointAttrs ends, String since) {
        List<Option> o = new ArrayList<>(TunnelOptions.endpoints(ends, since,
                ends.v6() ? "" : "; adding or removing it re-creates"));
        o.addAll(TunnelOptions.keys(since, "IFLA_VTI_IKEY: mark of inbound xfrm policies",
                "IFLA_VTI_OKEY: mark of outbound xfrm policies"));
        return o;
    }

    @Override
    public void encodeCreate(VtiSpec s, EncodeContext ctx, MessageWriter w) {
        w.putInt(IFLA_VTI_IKEY, s.ikey().orElse(0L));
        w.putInt(IFLA_VTI_OKEY, s.okey().orElse(0L));
        writeAddresses(s, w);
        // Not managed by vlinkd; iproute2's default, so that the request is the one `ip` sends.
        w.putInt(IFLA_VTI_FWMARK, 0);
        s.dev().ifPresent(d -> w.putInt(IFLA_VTI_LINK, ctx.ifindex(d)));
    }

    @Override
    public VtiSpec decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        return specOf(Map.of("local", decodeLocal(d), "remote", decodeRemote(d), "dev", decodeDev(d, ctx),
                "ikey", d.integer(IFLA_VTI_IKEY), "okey", d.integer(IFLA_VTI_OKEY)));
    }

    /** See {@link LinkKind#changeResetsMtu()}: vti6's does, vti's does not. */
    @Override
    public boolean changeResetsMtu() {
        return v6;
    }
}
