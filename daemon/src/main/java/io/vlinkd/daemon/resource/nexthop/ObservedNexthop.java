package io.vlinkd.daemon.resource.nexthop;

import io.vlinkd.netlink.route.NexthopSpec;

/**
 * A nexthop as dumped: the nexthop without its device's name ({@code oif} is its index, 0 when none) and its
 * protocol (nh_protocol: who made it).
 */
public record ObservedNexthop(NexthopSpec nexthop, int oif, int protocol) {
}
