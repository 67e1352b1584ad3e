package io.vlinkd.daemon.resource.mdb;

import java.net.InetAddress;

/**
 * An MDB entry as dumped: of bridge {@code bridge}, on port {@code port}, for {@code group} in VLAN {@code vlan} (0:
 * none), permanent or not ({@code state}), added by {@code protocol} (RTPROT_STATIC: a user; RTPROT_KERNEL: snooped;
 * 0 before 5.10).
 */
public record ObservedMdb(int bridge, int port, InetAddress group, int vlan, int state, int protocol) {
}
