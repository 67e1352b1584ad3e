package io.vlinkd.netlink.route;

import io.vlinkd.netlink.kind.IpText;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A permanent entry of a bridge's multicast database ({@code bridge mdb add dev BRIDGE port PORT grp GROUP permanent
 * [vid V]}): frames to the IPv4 or IPv6 multicast {@code group} (in VLAN {@code vlan}) leave through {@code port}.
 */
public record MdbSpec(String port, InetAddress group, Optional<Integer> vlan) {

    /** {@code port P grp G [vid V]}, in {@code bridge mdb}'s words. */
    @Override
    public String toString() {
        return "port " + port + " grp " + IpText.format(group) + vlan.map(v -> " vid " + v).orElse("");
    }
}
