package io.vlinkd.daemon.resource.fdb;

import io.vlinkd.netlink.route.FdbSpec;

/**
 * An FDB entry vlinkd added: on the link {@code link} with index {@code ifindex} (an entry of a re-created link is
 * a new one); its ledger line is {@code fdb LINK IFINDEX MAC VLAN DST VNI PORT STICKY}, {@code -} for what it lacks.
 */
public record OwnedFdb(String link, int ifindex, FdbSpec entry) {
}
