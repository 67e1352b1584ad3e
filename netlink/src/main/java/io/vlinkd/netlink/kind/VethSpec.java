package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.MacAddress;
import java.util.Optional;

/**
 * A veth pair, created as one unit with both ends in one request; deleting either end deletes both.
 *
 * <pre>
 * - name: eth-a
 *   kind: veth
 *   veth: { peer: eth-a-peer, peer-mac: "02:00:00:00:00:02", peer-netns: blue }
 * </pre>
 * Equivalent to: {@code ip link add eth-a type veth peer name eth-a-peer address 02:00:00:00:00:02 netns blue}.
 *
 * <p>A decoded (observed) spec holds only what a dump of this end shows ({@link PeerLink}): {@code peer} while the
 * peer shares this namespace, {@code peerNetnsId} when it does not; never {@code peerMac} nor {@code peerNetns}.
 *
 * @param peer        {@code peer name NAME}: the other end's name (VETH_INFO_PEER/IFLA_IFNAME); required in config.
 *                    With no {@code peerNetns}, the peer lives in this link's namespace.
 * @param peerMac     {@code peer ... address MAC}: the other end's MAC (VETH_INFO_PEER/IFLA_ADDRESS)
 * @param peerNetns   {@code peer ... netns NAME}: the named namespace the other end is created in
 *                    (VETH_INFO_PEER/IFLA_NET_NS_FD)
 * @param peerNetnsId observed only: IFLA_LINK_NETNSID, the peer's namespace as this namespace numbers it
 */
public record VethSpec(Optional<String> peer, Optional<MacAddress> peerMac, Optional<String> peerNetns,
                       Optional<Integer> peerNetnsId) implements KindSpec, PairKind.Peer {

    /** A desired pair ({@code peerNetnsId} is never configured). */
    public static VethSpec of(String peer, Optional<MacAddress> peerMac, Optional<String> peerNetns) {
        return new VethSpec(Optional.of(peer), peerMac, peerNetns, Optional.empty());
    }
}
