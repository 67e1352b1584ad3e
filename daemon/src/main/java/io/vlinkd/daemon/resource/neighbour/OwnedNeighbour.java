package io.vlinkd.daemon.resource.neighbour;

import java.net.InetAddress;

/**
 * A neighbour entry vlinkd added: on the link {@code link} with index {@code ifindex} (an entry of a re-created link
 * is a new one), for {@code address}; its ledger line is {@code neighbour LINK IFINDEX ADDRESS}.
 */
public record OwnedNeighbour(String link, int ifindex, InetAddress address) {
}
