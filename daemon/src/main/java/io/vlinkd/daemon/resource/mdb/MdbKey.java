package io.vlinkd.daemon.resource.mdb;

import io.vlinkd.netlink.route.MdbSpec;

/** What makes two MDB entries the same to the kernel: the bridge, the port, the group and the VLAN. */
public record MdbKey(String bridge, MdbSpec entry) {
    @Override
    public String toString() {
        return entry + " on " + bridge;
    }
}
