package io.vlinkd.netlink.kind;

import java.util.Map;
import java.util.Optional;

/**
 * An 802.1Q or 802.1ad VLAN on a parent link (net/8021q), the parent given by the common {@code link} setting.
 *
 * <pre>
 * - name: bond0.100
 *   kind: vlan
 *   link: bond0
 *   vlan: { id: 100, protocol: 802.1q, gvrp: true, egress-qos-map: { 5: 6 } }
 * </pre>
 * Equivalent to: {@code ip link add link bond0 name bond0.100 type vlan id 100 protocol 802.1Q gvrp on
 * egress-qos-map 5:6}.
 *
 * @param id            {@code id VLANID}, IFLA_VLAN_ID (u16)
 * @param protocol      {@code protocol 802.1Q|802.1ad}, IFLA_VLAN_PROTOCOL (be16), as the config word
 * @param reorderHdr    {@code reorder_hdr on|off}, VLAN_FLAG_REORDER_HDR in IFLA_VLAN_FLAGS (the kernel's default:
 *                      on)
 * @param gvrp          {@code gvrp on|off}, VLAN_FLAG_GVRP
 * @param mvrp          {@code mvrp on|off}, VLAN_FLAG_MVRP
 * @param looseBinding  {@code loose_binding on|off}, VLAN_FLAG_LOOSE_BINDING: do not follow the parent's state
 * @param ingressQosMap {@code ingress-qos-map FROM:TO...}, IFLA_VLAN_INGRESS_QOS: VLAN priority (PCP 0-7) to the
 *                      packet's priority
 * @param egressQosMap  {@code egress-qos-map FROM:TO...}, IFLA_VLAN_EGRESS_QOS: packet priority to VLAN priority
 *                      (PCP 0-7)
 */
public record VlanSpec(Optional<Long> id, Optional<String> protocol, Optional<Boolean> reorderHdr,
                       Optional<Boolean> gvrp, Optional<Boolean> mvrp, Optional<Boolean> looseBinding,
                       Optional<Map<Long, Long>> ingressQosMap, Optional<Map<Long, Long>> egressQosMap)
        implements KindSpec {

    /** The maps are kept sorted by their FROM priority: the order vlinkd writes them in and prints them. */
    public VlanSpec {
        ingressQosMap = ingressQosMap.map(VlanSpec::sorted);
        egressQosMap = egressQosMap.map(VlanSpec::sorted);
    }

    private static Map<Long, Long> sorted(Map<Long, Long> m) {
        return java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(m));
    }
}
