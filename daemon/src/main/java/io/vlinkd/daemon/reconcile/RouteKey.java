package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.kind.IpText;
import java.net.InetAddress;

/** What makes two routes the same route to the kernel: family, destination prefix, table and metric. */
public record RouteKey(int family, InetAddress dst, int prefixLength, long table, long metric) {

    @Override
    public String toString() {
        return IpText.format(dst) + "/" + prefixLength + " table " + table + " metric " + metric;
    }
}
