package io.vlinkd.daemon.resource.vlan;

/** What makes two VLAN tunnel mappings the same to the kernel: the port and the VLAN. */
public record VlanTunnelKey(String link, int vid) {
    @Override
    public String toString() {
        return "vid " + vid + " on " + link;
    }
}
