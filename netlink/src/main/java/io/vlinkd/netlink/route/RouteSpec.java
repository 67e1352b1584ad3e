package io.vlinkd.netlink.route;

import io.vlinkd.netlink.kind.IpText;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * A route an operator wants ({@code ip route add TO [via V] [dev D] [metric M] [table T] [scope S] [type TYPE]
 * [src A] [onlink] [mtu N] [nhid N] [nexthop via V dev D weight W [onlink]...]}). vlinkd marks the routes it installs with its own protocol number, so that it only
 * ever deletes its own.
 *
 * @param to     the destination prefix's address ({@code 0.0.0.0} / {@code ::} with length 0 for default)
 * @param scope  iproute2's words: global, link, host, site, nowhere, or a number
 * @param type   iproute2's words: unicast, blackhole, unreachable, prohibit, local, ...
 * @param pref   IPv6 router preference (RTA_PREF): low, medium or high
 * @param nexthopId RTA_NH_ID: the nexthop object (or group) the route goes through, instead of via and dev
 * @param multipath RTA_MULTIPATH: the route's next hops with their weights, instead of via and dev; empty for none
 */
public record RouteSpec(InetAddress to, int prefixLength, Optional<InetAddress> via, Optional<String> dev,
                        Optional<Long> metric, Optional<Long> table, Optional<String> scope, Optional<String> type,
                        Optional<InetAddress> src, boolean onlink, Optional<Integer> mtu, Optional<String> pref,
                        Optional<Long> nexthopId, List<Hop> multipath) {

    /**
     * One next hop of a multipath route ({@code nexthop via V dev D weight W [onlink]}): a {@code struct rtnexthop}
     * (rtnh_hops is weight - 1, rtnh_flags RTNH_F_ONLINK, rtnh_ifindex) with its RTA_GATEWAY.
     *
     * @param weight 1..256
     */
    public record Hop(Optional<InetAddress> via, Optional<String> dev, int weight, boolean onlink) {
        /** iproute2's words: {@code nexthop via 192.0.2.1 dev d0 weight 1}. */
        public String words() {
            StringBuilder sb = new StringBuilder("nexthop");
            via.ifPresent(v -> sb.append(" via ").append(IpText.format(v)));
            dev.ifPresent(d -> sb.append(" dev ").append(d));
            sb.append(" weight ").append(weight);
            if (onlink) {
                sb.append(" onlink");
            }
            return sb.toString();
        }
    }

    /** A route without {@code nexthop-id} or {@code multipath}. */
    public RouteSpec(InetAddress to, int prefixLength, Optional<InetAddress> via, Optional<String> dev,
                     Optional<Long> metric, Optional<Long> table, Optional<String> scope, Optional<String> type,
                     Optional<InetAddress> src, boolean onlink, Optional<Integer> mtu, Optional<String> pref) {
        this(to, prefixLength, via, dev, metric, table, scope, type, src, onlink, mtu, pref, Optional.empty(),
                List.of());
    }

    /** A route without {@code pref}. */
    public RouteSpec(InetAddress to, int prefixLength, Optional<InetAddress> via, Optional<String> dev,
                     Optional<Long> metric, Optional<Long> table, Optional<String> scope, Optional<String> type,
                     Optional<InetAddress> src, boolean onlink, Optional<Integer> mtu) {
        this(to, prefixLength, via, dev, metric, table, scope, type, src, onlink, mtu, Optional.empty());
    }
}
