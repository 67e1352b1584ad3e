package io.vlinkd.netlink.route;

import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.wire.MacAddress;
import java.net.InetAddress;
import java.util.Optional;

/**
 * A forwarding database entry, one of two kinds (as {@code bridge fdb} makes them):
 * <ul>
 * <li>a bridge port's static entry, {@code bridge fdb replace MAC dev PORT master static [vlan V] [sticky]}: frames
 *     to {@code mac} (in VLAN {@code vlan}) leave through the port (no {@code dst}); the bridge moves a static entry
 *     to the port it sees the MAC on unless it is sticky (NTF_STICKY);</li>
 * <li>a VXLAN remote, {@code bridge fdb append MAC dev VXLAN dst IP [vni N] [port P] self permanent}: frames to
 *     {@code mac} are sent to the VTEP {@code dst}; the all-zero MAC is the default destination, and several of its
 *     remotes are head-end replication (each broadcast, unknown unicast and multicast frame goes to every one).</li>
 * </ul>
 */
public record FdbSpec(MacAddress mac, Optional<Integer> vlan, Optional<InetAddress> dst, Optional<Long> vni,
                      Optional<Integer> port, boolean sticky) {

    /** A VXLAN remote (the device's own FDB, NTF_SELF), not a bridge port's entry (the bridge's, NTF_MASTER). */
    public boolean isRemote() {
        return dst.isPresent();
    }

    /** {@code MAC [vlan V]} or {@code MAC dst IP [vni N] [port P]}, in {@code bridge fdb}'s words. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(mac.toString());
        vlan.ifPresent(v -> sb.append(" vlan ").append(v));
        dst.ifPresent(d -> sb.append(" dst ").append(IpText.format(d)));
        vni.ifPresent(v -> sb.append(" vni ").append(v));
        port.ifPresent(p -> sb.append(" port ").append(p));
        if (sticky) {
            sb.append(" sticky");
        }
        return sb.toString();
    }
}
