package io.vlinkd.netlink.route;

/**
 * One VLAN of a bridge port or of the bridge itself, as {@code bridge vlan add vid VID dev DEV [pvid] [untagged]
 * [self]} makes it: {@code pvid}, untagged frames that enter are put in this VLAN (one per port); {@code untagged},
 * frames of this VLAN leave without a tag.
 */
public record BridgeVlan(int vid, boolean pvid, boolean untagged) {

    public BridgeVlan {
        if (vid < 1 || vid > 4094) {
            throw new IllegalArgumentException("vid " + vid + " is not 1..4094");
        }
    }

    /** BRIDGE_VLAN_INFO_PVID and _UNTAGGED as the kernel reads them. */
    public int flags() {
        return (pvid ? Brvlan.BRIDGE_VLAN_INFO_PVID : 0) | (untagged ? Brvlan.BRIDGE_VLAN_INFO_UNTAGGED : 0);
    }

    /** {@code vid 10 pvid untagged}, in {@code bridge vlan}'s words. */
    @Override
    public String toString() {
        return "vid " + vid + (pvid ? " pvid" : "") + (untagged ? " untagged" : "");
    }
}
