package io.vlinkd.daemon.resource.neighbour;

import io.vlinkd.netlink.route.NeighbourSpec;
import java.net.InetAddress;

/**
 * An ARP or NDP entry as dumped: on interface {@code index}, with its link-layer address (null when it has none),
 * whether it is permanent (NUD_PERMANENT: an administrator's; otherwise the kernel learned it) and its protocol
 * (NDA_PROTOCOL, 0 when absent).
 */
public record ObservedNeighbour(int index, InetAddress address, String lladdr, boolean permanent, int protocol) {

    public NeighbourSpec toSpec() {
        return new NeighbourSpec(address, lladdr);
    }
}
