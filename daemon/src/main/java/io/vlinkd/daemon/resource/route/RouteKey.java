package io.vlinkd.daemon.resource.route;

import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.route.AddressRequests;
import io.vlinkd.netlink.route.RouteRequests;
import io.vlinkd.netlink.route.RouteSpec;
import io.vlinkd.netlink.route.Rtnl;
import java.net.InetAddress;

/** What makes two routes the same route to the kernel: family, destination prefix, table and metric. */
public record RouteKey(int family, InetAddress dst, int prefixLength, long table, long metric) {

    /** The key of a configured route, with the kernel's defaults for what the config leaves out. */
    public static RouteKey of(RouteSpec r) {
        int family = AddressRequests.family(r.to());
        // The kernel's default metric is 0 for IPv4 and 1024 (IP6_RT_PRIO_USER) for IPv6.
        long metric = r.metric().orElse(family == Rtnl.AF_INET6 ? 1024L : 0L);
        return new RouteKey(family, r.to(), r.prefixLength(), RouteRequests.table(r), metric);
    }

    /** As the ownership ledger records it. */
    public OwnedRoute owned() {
        return new OwnedRoute(dst, prefixLength, table, metric);
    }

    @Override
    public String toString() {
        return IpText.format(dst) + "/" + prefixLength + " table " + table + " metric " + metric;
    }
}
