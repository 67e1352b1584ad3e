package io.vlinkd.netlink.route;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A route an operator wants ({@code ip route add TO [via V] [dev D] [metric M] [table T] [scope S] [type TYPE]
 * [src A] [onlink] [mtu N]}). vlinkd marks the routes it installs with its own protocol number, so that it only
 * ever deletes its own.
 *
 * @param to     the destination prefix's address ({@code 0.0.0.0} / {@code ::} with length 0 for default)
 * @param scope  iproute2's words: global, link, host, site, nowhere, or a number
 * @param type   iproute2's words: unicast, blackhole, unreachable, prohibit, local, ...
 * @param pref   IPv6 router preference (RTA_PREF): low, medium or high
 */
public record RouteSpec(InetAddress to, int prefixLength, Optional<InetAddress> via, Optional<String> dev,
                        Optional<Long> metric, Optional<Long> table, Optional<String> scope, Optional<String> type,
                        Optional<InetAddress> src, boolean onlink, Optional<Integer> mtu, Optional<String> pref) {

    /** A route without {@code pref}. */
    public RouteSpec(InetAddress to, int prefixLength, Optional<InetAddress> via, Optional<String> dev,
                     Optional<Long> metric, Optional<Long> table, Optional<String> scope, Optional<String> type,
                     Optional<InetAddress> src, boolean onlink, Optional<Integer> mtu) {
        this(to, prefixLength, via, dev, metric, table, scope, type, src, onlink, mtu, Optional.empty());
    }
}
