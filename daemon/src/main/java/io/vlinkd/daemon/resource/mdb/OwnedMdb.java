package io.vlinkd.daemon.resource.mdb;

import io.vlinkd.netlink.route.MdbSpec;

/**
 * An MDB entry vlinkd added: of the bridge {@code bridge} with index {@code ifindex} (an entry of a re-created bridge
 * is a new one); its ledger line is {@code mdb BRIDGE IFINDEX PORT GROUP VLAN}, {@code -} for no VLAN.
 */
public record OwnedMdb(String bridge, int ifindex, MdbSpec entry) {
}
