package io.vlinkd.daemon.resource.vlan;

import io.vlinkd.netlink.route.BridgeVlan;

/**
 * A VLAN as dumped: on interface {@code index}, a bridge port's or ({@code self}) the bridge's own, with its flags.
 */
public record ObservedBridgeVlan(int index, boolean self, BridgeVlan vlan) {

    /**
     * The VLAN the kernel gives every new port and the bridge itself: {@code vlan_default_pvid}, 1 unless the
     * bridge's {@code default-pvid} says otherwise, pvid and untagged; still the kernel's once a configured PVID has
     * taken the pvid flag from it (an access port of another VLAN keeps vid 1 untagged), so that the foreign report
     * does not list what vlinkd's own change left. A bridge with another default PVID has its default VLAN reported
     * as someone else's, left alone all the same.
     */
    public boolean isKernels() {
        return vlan.vid() == 1 && vlan.untagged();
    }
}
