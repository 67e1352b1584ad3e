package io.vlinkd.netlink.kind;

import java.util.Optional;

/**
 * A virtual CAN tunnel pair (drivers/net/can/vxcan.c): like a veth for CAN frames, typically one end in a container.
 * Created as one unit; deleting either end deletes both. CAN links have no MAC address.
 *
 * <pre>
 * - name: vxcan0
 *   kind: vxcan
 *   vxcan: { peer: vxcan1, peer-netns: blue }
 * </pre>
 * Equivalent to: {@code ip link add vxcan0 type vxcan peer name vxcan1 netns blue}.
 *
 * <p>A decoded (observed) spec holds only what a dump of this end shows ({@link PeerLink}).
 *
 * @param peer        {@code peer name NAME}: the other end (VXCAN_INFO_PEER/IFLA_IFNAME); required in config. With no
 *                    {@code peerNetns}, the peer lives in this link's namespace.
 * @param peerNetns   {@code peer ... netns NAME}: the named namespace the other end is created in
 *                    (VXCAN_INFO_PEER/IFLA_NET_NS_FD)
 * @param peerNetnsId observed only: IFLA_LINK_NETNSID, the peer's namespace as this namespace numbers it
 */
public record VxcanSpec(Optional<String> peer, Optional<String> peerNetns, Optional<Integer> peerNetnsId)
        implements KindSpec, PairKind.Peer {

    public static VxcanSpec of(String peer, Optional<String> peerNetns) {
        return new VxcanSpec(Optional.of(peer), peerNetns, Optional.empty());
    }
}
