package io.vlinkd.daemon.resource.fdb;

import io.vlinkd.netlink.route.FdbSpec;

/**
 * What makes two FDB entries the same to the kernel: the interface and everything the config sets (a port's entry:
 * MAC and VLAN; a VXLAN remote: MAC, destination, VNI and port, the kernel's identity of one remote among a MAC's).
 */
public record FdbKey(String link, FdbSpec entry) {
    @Override
    public String toString() {
        return entry + " on " + link;
    }
}
