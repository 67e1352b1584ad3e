package io.vlinkd.netlink.route;

/**
 * A bridge port's VLAN-to-tunnel mapping ({@code bridge vlan add dev PORT vid VID tunnel_info id ID}): on a VXLAN
 * port in collect-metadata mode ({@code external}) with {@code vlan_tunnel on}, frames of VLAN {@code vid} are sent
 * with tunnel id (VNI) {@code tunnelId}, and frames received with that id enter the bridge in that VLAN.
 */
public record VlanTunnel(int vid, long tunnelId) {

    public VlanTunnel {
        if (vid < 1 || vid > 4094 || tunnelId < 0 || tunnelId > 0xffffffL) {
            throw new IllegalArgumentException("vid " + vid + " tunnel id " + tunnelId);
        }
    }

    /** {@code vid 10 tunnel_info id 1010}, in {@code bridge vlan}'s words. */
    @Override
    public String toString() {
        return "vid " + vid + " tunnel_info id " + tunnelId;
    }
}
