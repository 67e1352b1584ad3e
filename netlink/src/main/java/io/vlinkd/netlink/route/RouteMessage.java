package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.net.InetAddress;
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
