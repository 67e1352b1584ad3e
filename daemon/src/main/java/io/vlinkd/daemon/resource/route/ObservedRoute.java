package io.vlinkd.daemon.resource.route;

import io.vlinkd.netlink.route.Rtnl;
import java.net.Inet4Address;
import io.vlinkd.netlink.route.RouteMessage;
import java.net.InetAddress;
import java.util.List;

/**
 * A route as dumped.
 *
 * @param dst      destination address ({@code 0.0.0.0}/{@code ::} for default)
 * @param oif      RTA_OIF, 0 when none
 * @param priority RTA_PRIORITY (the metric), 0 when absent
 * @param mtu      RTAX_MTU, 0 when absent
 * @param pref     RTA_PREF (IPv6: 3 low, 0 medium, 1 high), -1 when absent (IPv4)
 * @param nexthopId RTA_NH_ID, 0 when the route has its own next hops
 * @param multipath RTA_MULTIPATH's paths (of a route through a group too), empty for one path
 */
public record ObservedRoute(int family, InetAddress dst, int prefixLength, int table, int protocol, int scope,
                            int type, InetAddress gateway, int oif, long priority, InetAddress prefsrc, boolean onlink,
                            int mtu, int pref, long nexthopId, List<RouteMessage.Hop> multipath) {

    public ObservedRoute(int family, InetAddress dst, int prefixLength, int table, int protocol, int scope, int type,
                         InetAddress gateway, int oif, long priority, InetAddress prefsrc, boolean onlink, int mtu,
                         int pref) {
        this(family, dst, prefixLength, table, protocol, scope, type, gateway, oif, priority, prefsrc, onlink, mtu,
                pref, 0, List.of());
    }

    public ObservedRoute(int family, InetAddress dst, int prefixLength, int table, int protocol, int scope, int type,
                         InetAddress gateway, int oif, long priority, InetAddress prefsrc, boolean onlink, int mtu) {
        this(family, dst, prefixLength, table, protocol, scope, type, gateway, oif, priority, prefsrc, onlink, mtu,
                -1);
    }

    /** The kernel's identity of a route: family, prefix, table and metric (fib lookup key for replace/delete). */
    public RouteKey key() {
        return new RouteKey(family, dst, prefixLength, table, priority);
    }

    /** Routes the kernel installs itself (prefix routes of addresses, local table, ipv6 multicast...). */
    public boolean isKernels() {
        return protocol == Rtnl.RTPROT_KERNEL || table == Rtnl.RT_TABLE_LOCAL || protocol == 9 /* ra */;
    }

    public boolean isIpv4() {
        return dst instanceof Inet4Address;
    }
}
