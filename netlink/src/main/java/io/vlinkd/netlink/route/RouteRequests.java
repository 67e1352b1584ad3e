package io.vlinkd.netlink.route;

import io.vlinkd.netlink.kind.IpText;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_ACK;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_CREATE;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_DUMP;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_EXCL;
import static io.vlinkd.netlink.wire.Netlink.NLM_F_REPLACE;

import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlRequest;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * Builds the rtnetlink route requests in iproute2's attribute order: {@code ip route add 198.51.100.0/24 via
 * 192.0.2.1 dev d0 metric 100 proto 247} sends rtmsg, RTA_DST, RTA_GATEWAY, RTA_PRIORITY, RTA_OIF (strace of
 * iproute2 6.1: {@code dev} is appended last, after the other words of the command line).
 */
public final class RouteRequests {
    private RouteRequests() {
    }

    private static final Map<String, Integer> SCOPES = Map.of("global", Rtnl.RT_SCOPE_UNIVERSE,
            "universe", Rtnl.RT_SCOPE_UNIVERSE, "site", Rtnl.RT_SCOPE_SITE, "link", Rtnl.RT_SCOPE_LINK,
            "host", Rtnl.RT_SCOPE_HOST, "nowhere", Rtnl.RT_SCOPE_NOWHERE);

    private static final Map<String, Integer> TYPES = Map.of("unicast", Rtnl.RTN_UNICAST, "local", Rtnl.RTN_LOCAL,
            "broadcast", Rtnl.RTN_BROADCAST, "anycast", Rtnl.RTN_ANYCAST, "multicast", Rtnl.RTN_MULTICAST,
            "blackhole", Rtnl.RTN_BLACKHOLE, "unreachable", Rtnl.RTN_UNREACHABLE, "prohibit", Rtnl.RTN_PROHIBIT,
            "throw", 9);

    /**
     * {@code ip route add ... proto PROTOCOL}. {@code oif} is the index of {@code r.dev()} (0 when none).
     * The protocol marks the route as vlinkd's, so that only its own routes are ever deleted.
     */
    public static NlRequest add(RouteSpec r, int oif, int protocol) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
        write(w, r, oif, protocol, false);
        return w.finish("RTM_NEWROUTE " + describe(r));
    }

    /**
     * {@code ip route replace ... proto PROTOCOL}: NLM_F_REPLACE replaces the route of the same destination, table,
     * metric (and tos) in place (fib_table_insert(), fib6_add_rt2node()), so the destination is never without a
     * route while it changes.
     */
    public static NlRequest replace(RouteSpec r, int oif, int protocol) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE | NLM_F_ACK);
        write(w, r, oif, protocol, false);
        return w.finish("RTM_NEWROUTE replace " + describe(r));
    }

    /**
     * {@code ip route del ... proto PROTOCOL}: the kernel matches the protocol when it is non-zero
     * (fib_table_delete), so a route of the same prefix installed by someone else is never removed.
     */
    public static NlRequest delete(RouteSpec r, int oif, int protocol) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_DELROUTE, NLM_F_ACK);
        write(w, r, oif, protocol, true);
        return w.finish("RTM_DELROUTE " + describe(r));
    }

    /** {@code ip route show table all}, both families. */
    public static NlRequest dump() {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_GETROUTE, NLM_F_DUMP);
        new RtMsg(Rtnl.AF_UNSPEC, 0, 0, 0, 0, 0, 0, 0, 0).writeTo(w);
        return w.finish("RTM_GETROUTE dump");
    }

    public static int scope(RouteSpec r) {
        if (r.scope().isPresent()) {
            return word(SCOPES, r.scope().get(), "scope");
        }
        int type = type(r);
        // iproute2's defaults: local routes are host-scoped; unicast routes without a gateway are link-scoped.
        if (type == Rtnl.RTN_LOCAL) {
            return Rtnl.RT_SCOPE_HOST;
        }
        if (type == Rtnl.RTN_BROADCAST || type == Rtnl.RTN_MULTICAST || type == Rtnl.RTN_ANYCAST) {
            return Rtnl.RT_SCOPE_LINK;
        }
        // A route through a nexthop object or over several paths is not one on a link (iproute2 sends universe).
        if (type == Rtnl.RTN_UNICAST && r.via().isEmpty() && r.nexthopId().isEmpty() && r.multipath().isEmpty()) {
            return Rtnl.RT_SCOPE_LINK;
        }
        return Rtnl.RT_SCOPE_UNIVERSE;
    }

    public static int type(RouteSpec r) {
        return r.type().map(t -> word(TYPES, t, "type")).orElse(Rtnl.RTN_UNICAST);
    }

    public static long table(RouteSpec r) {
        return r.table().orElse((long) Rtnl.RT_TABLE_MAIN);
    }

    /** The equivalent {@code ip route} command. */
    public static String ipCommand(boolean add, RouteSpec r, int protocol) {
        return ipCommand(add ? "add" : "del", r, protocol);
    }

    /** The equivalent {@code ip route VERB} command (add, replace, del). */
    public static String ipCommand(String verb, RouteSpec r, int protocol) {
        return "ip route " + verb + " " + describe(r) + " proto " + protocol;
    }

    /**
     * {@code [TYPE] TO/LEN [via V] [src S] [metric M] [table T] [scope S] [mtu N] [onlink] [dev D] [nhid N]
     * [nexthop via V dev D weight W [onlink]]...}.
     */
    public static String describe(RouteSpec r) {
        StringBuilder sb = new StringBuilder();
        r.type().filter(t -> !t.equals("unicast")).ifPresent(t -> sb.append(t).append(' '));
        if (r.prefixLength() == 0) {
            sb.append("default");
            if (AddressRequests.family(r.to()) == Rtnl.AF_INET6) {
                sb.insert(0, "-6 ");
            }
        } else {
            sb.append(IpText.format(r.to())).append('/').append(r.prefixLength());
        }
        r.via().ifPresent(v -> sb.append(" via ").append(IpText.format(v)));
        r.src().ifPresent(s -> sb.append(" src ").append(IpText.format(s)));
        r.metric().ifPresent(m -> sb.append(" metric ").append(m));
        r.table().ifPresent(t -> sb.append(" table ").append(t));
        r.scope().ifPresent(s -> sb.append(" scope ").append(s));
        r.mtu().ifPresent(m -> sb.append(" mtu ").append(m));
        r.pref().ifPresent(p -> sb.append(" pref ").append(p));
        if (r.onlink()) {
            sb.append(" onlink");
        }
        r.dev().ifPresent(d -> sb.append(" dev ").append(d));
        r.nexthopId().ifPresent(n -> sb.append(" nhid ").append(n));
        r.multipath().forEach(h -> sb.append(' ').append(h.words()));
        return sb.toString();
    }

    /** {@code ip route add ...} of a route with {@code multipath}: {@code hopOifs} are the hops' device indexes. */
    public static NlRequest add(RouteSpec r, int oif, List<Integer> hopOifs, int protocol) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWROUTE, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
        write(w, r, oif, protocol, false, hopOifs);
        return w.finish("RTM_NEWROUTE " + describe(r));
    }

    /** {@code ip route replace ...} of a route with {@code multipath}. */
    public static NlRequest replace(RouteSpec r, int oif, List<Integer> hopOifs, int protocol) {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWROUTE, NLM_F_CREATE | NLM_F_REPLACE | NLM_F_ACK);
        write(w, r, oif, protocol, false, hopOifs);
        return w.finish("RTM_NEWROUTE replace " + describe(r));
    }

    private static void write(MessageWriter w, RouteSpec r, int oif, int protocol, boolean delete) {
        write(w, r, oif, protocol, delete, List.of());
    }

    /**
     * A delete leaves out the nexthop id and the paths: the kernel deletes the route of that destination, table,
     * metric and protocol with all its paths (IPv6: __ip6_del_rt_siblings).
     */
    private static void write(MessageWriter w, RouteSpec r, int oif, int protocol, boolean delete,
                              List<Integer> hopOifs) {
        int family = AddressRequests.family(r.to());
        long table = table(r);
        int scope = delete && r.scope().isEmpty() ? Rtnl.RT_SCOPE_NOWHERE : scope(r);
        // Tables above 255 do not fit rtm_table: it says RT_TABLE_UNSPEC and RTA_TABLE carries the id.
        int rtmTable = table < 256 ? (int) table : Rtnl.RT_TABLE_UNSPEC;
        new RtMsg(family, r.prefixLength(), 0, 0, rtmTable, protocol, scope, type(r),
                r.onlink() ? Rtnl.RTNH_F_ONLINK : 0).writeTo(w);
        if (table >= 256) {
            w.putInt(Rta.RTA_TABLE, table);
        }
        if (r.prefixLength() > 0) {
            w.putAddress(Rta.RTA_DST, r.to());
        }
        r.via().ifPresent(v -> w.putAddress(Rta.RTA_GATEWAY, v));
        r.src().ifPresent(s -> w.putAddress(Rta.RTA_PREFSRC, s));
        r.metric().ifPresent(m -> w.putInt(Rta.RTA_PRIORITY, m));
        r.mtu().ifPresent(m -> {
            try (var metrics = w.nest(Rta.RTA_METRICS)) {
                w.putInt(Rta.RTAX_MTU, m);
            }
        });
        if (oif > 0) {
            w.putInt(Rta.RTA_OIF, oif);
        }
        if (!delete) {
            r.pref().ifPresent(p -> w.putInt(Rta.RTA_PREF, pref(p)));
            r.nexthopId().ifPresent(n -> w.putInt(Rta.RTA_NH_ID, n));
            if (!r.multipath().isEmpty()) {
                w.putBytes(Rta.RTA_MULTIPATH, multipath(r.multipath(), hopOifs));
            }
        }
    }

    /**
     * RTA_MULTIPATH's payload: per hop a {@code struct rtnexthop} (u16 rtnh_len, u8 rtnh_flags, u8 rtnh_hops = weight
     * - 1, s32 rtnh_ifindex) followed by its RTA_GATEWAY, each padded to 4 bytes.
     */
    private static byte[] multipath(List<RouteSpec.Hop> hops, List<Integer> oifs) {
        ByteBuffer b = ByteBuffer.allocate(hops.size() * (8 + 4 + 16)).order(ByteOrder.nativeOrder());
        for (int i = 0; i < hops.size(); i++) {
            RouteSpec.Hop h = hops.get(i);
            byte[] gw = h.via().map(InetAddress::getAddress).orElse(new byte[0]);
            int length = 8 + (gw.length == 0 ? 0 : 4 + gw.length);
            b.putShort((short) length).put((byte) (h.onlink() ? Rtnl.RTNH_F_ONLINK : 0)).put((byte) (h.weight() - 1))
                    .putInt(i < oifs.size() ? oifs.get(i) : 0);
            if (gw.length > 0) {
                b.putShort((short) (4 + gw.length)).putShort((short) Rta.RTA_GATEWAY.type()).put(gw);
            }
        }
        return java.util.Arrays.copyOf(b.array(), b.position());
    }

    /** RTA_PREF's value for iproute2's word ({@code ICMPV6_ROUTER_PREF_*} of linux/icmpv6.h). */
    public static int pref(String word) {
        return switch (word) {
            case "low" -> 3;
            case "medium" -> 0;
            case "high" -> 1;
            default -> throw new IllegalArgumentException("unknown route pref '" + word + "'");
        };
    }

    private static int word(Map<String, Integer> words, String w, String what) {
        Integer v = words.get(w);
        if (v != null) {
            return v;
        }
        try {
            return Integer.parseInt(w);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("unknown route " + what + " '" + w + "'");
        }
    }
}
