package io.vlinkd.daemon.resource.vlan;

import io.vlinkd.netlink.route.VlanTunnel;

/** A VLAN tunnel mapping as dumped: on port {@code index}. */
public record ObservedVlanTunnel(int index, VlanTunnel tunnel) {
}
