package io.vlinkd.daemon.resource.neighbour;

import io.vlinkd.netlink.kind.IpText;
import java.net.InetAddress;

/** What makes two neighbour entries the same entry to the kernel: the interface and the address (NDA_DST). */
public record NeighbourKey(String link, InetAddress address) {
    @Override
    public String toString() {
        return IpText.format(address) + " on " + link;
    }
}
