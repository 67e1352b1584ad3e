package io.vlinkd.daemon.resource.route;

import java.net.InetAddress;

/**
 * A route vlinkd installed, by the kernel's identity of a route: destination prefix (its address gives the
 * family), table and metric; its ledger line is {@code route DST/LEN TABLE METRIC}. Together with the protocol
 * number vlinkd marks its routes with, this is what makes a route vlinkd's: a route that carries the number but is
 * not recorded in the ledger was made by someone else.
 */
public record OwnedRoute(InetAddress dst, int prefixLength, long table, long metric) {
}
