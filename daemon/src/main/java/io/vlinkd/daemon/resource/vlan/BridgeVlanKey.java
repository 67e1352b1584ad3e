package io.vlinkd.daemon.resource.vlan;

/** What makes two bridge VLANs the same to the kernel: the interface (a port, or the bridge itself) and the vid. */
public record BridgeVlanKey(String link, int vid) {
    @Override
    public String toString() {
        return "vid " + vid + " on " + link;
    }
}
