package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.RawAttr;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A decoded RTM_NEWROUTE / RTM_DELROUTE message.
 *
 * @param table RTA_TABLE when present (it holds table ids above 255), else rtm_table
 * @param mtu   RTAX_MTU from RTA_METRICS, or null
 */
public record RouteMessage(int messageType, RtMsg header, InetAddress dst, InetAddress gateway, InetAddress prefsrc,
                           Integer oif, Long priority, int table, Integer mtu, Attrs attrs) {

    public int protocol() {
        return header.protocol();
    }

    /** RTA_PREF (IPv6 routes; {@code ICMPV6_ROUTER_PREF_*}), or -1 when absent. */
    public int pref() throws MalformedMessageException {
        return (int) attrs.integer(Rta.RTA_PREF, -1);
    }

    /** RTA_NH_ID: the nexthop object the route goes through, or empty. */
    public Optional<Long> nexthopId() throws MalformedMessageException {
        return attrs.integer(Rta.RTA_NH_ID);
    }

    /** One path of RTA_MULTIPATH: its gateway (null when none), device index, weight (1..256) and rtnh_flags. */
    public record Hop(InetAddress gateway, int oif, int weight, int flags) {
    }

    /**
     * The paths of RTA_MULTIPATH, in order; empty for a route of one path. A route through a nexthop group
     * (RTA_NH_ID) reports its group's paths here too.
     */
    public List<Hop> multipath() throws MalformedMessageException {
        Optional<RawAttr> r = attrs.raw(Rta.RTA_MULTIPATH);
        if (r.isEmpty()) {
            return List.of();
        }
        List<Hop> out = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(r.get().buf(), r.get().offset(), r.get().length())
                .order(ByteOrder.nativeOrder());
        int end = r.get().offset() + r.get().length();
        int at = r.get().offset();
        while (end - at >= 8) {
            int length = b.getShort(at) & 0xffff;
            if (length < 8 || at + length > end) {
                throw new MalformedMessageException("RTA_MULTIPATH: rtnexthop of " + length + " bytes at " + at);
            }
            int flags = b.get(at + 2) & 0xff;
            int hops = b.get(at + 3) & 0xff;
            int oif = b.getInt(at + 4);
            Attrs inner = Attrs.parse(r.get().buf(), at + 8, length - 8);
            out.add(new Hop(inner.address(Rta.RTA_GATEWAY).orElse(null), oif, hops + 1, flags));
            at += (length + 3) & ~3;
        }
        return List.copyOf(out);
    }

    public static RouteMessage decode(NlMessage m) throws MalformedMessageException {
        if (m.type() != Rtnl.RTM_NEWROUTE && m.type() != Rtnl.RTM_DELROUTE) {
            throw new MalformedMessageException("not a route message: " + Rtnl.typeName(m.type()));
        }
        RtMsg hdr = RtMsg.read(m);
        Attrs a = m.attributesAfter(RtMsg.LENGTH);
        Optional<Long> oif = a.integer(Rta.RTA_OIF);
        Integer mtu = null;
        Optional<Attrs> metrics = a.nested(Rta.RTA_METRICS);
        if (metrics.isPresent()) {
            Optional<Long> m2 = metrics.get().integer(Rta.RTAX_MTU);
            mtu = m2.isPresent() ? (int) (long) m2.get() : null;
        }
        return new RouteMessage(m.type(), hdr, a.address(Rta.RTA_DST).orElse(null),
                a.address(Rta.RTA_GATEWAY).orElse(null), a.address(Rta.RTA_PREFSRC).orElse(null),
                oif.isPresent() ? (int) (long) oif.get() : null, a.integer(Rta.RTA_PRIORITY).orElse(null),
                (int) a.integer(Rta.RTA_TABLE, hdr.table()), mtu, a);
    }
}
