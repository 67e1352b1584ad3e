package io.vlinkd.netlink.kind;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A VXLAN tunnel endpoint (drivers/net/vxlan). Every field is optional: an empty one is not managed.
 *
 * <pre>
 * - name: vx42
 *   kind: vxlan
 *   vxlan: { id: 42, local: 192.0.2.10, remote: 192.0.2.20, dev: eth0, dstport: 4789, ttl: 64, tos: inherit,
 *            learning: false }
 * </pre>
 * Equivalent to: {@code ip link add vx42 type vxlan id 42 local 192.0.2.10 remote 192.0.2.20 dev eth0
 * dstport 4789 ttl 64 tos inherit nolearning}.
 *
 * @param id             {@code id VNI}, IFLA_VXLAN_ID (0-16777215)
 * @param local          {@code local ADDR}, IFLA_VXLAN_LOCAL or IFLA_VXLAN_LOCAL6
 * @param remote         {@code remote ADDR} (unicast), IFLA_VXLAN_GROUP or IFLA_VXLAN_GROUP6
 * @param group          {@code group ADDR} (multicast), IFLA_VXLAN_GROUP or IFLA_VXLAN_GROUP6
 * @param dev            {@code dev NAME}, IFLA_VXLAN_LINK: the underlay device
 * @param dstport        {@code dstport PORT}, IFLA_VXLAN_PORT (be16; 0 = the kernel's default 8472)
 * @param srcport        {@code srcport LOW HIGH}, IFLA_VXLAN_PORT_RANGE
 * @param ttl            {@code ttl N}, IFLA_VXLAN_TTL (0 = auto)
 * @param ttlInherit     {@code ttl inherit}, IFLA_VXLAN_TTL_INHERIT (sent as a flag, dumped as a u8)
 * @param tos            {@code tos N}, IFLA_VXLAN_TOS; 1 means {@code tos inherit}, as iproute2 sends it
 * @param flowlabel      {@code flowlabel N}, IFLA_VXLAN_LABEL (be32; IPv6 only)
 * @param learning       {@code [no]learning}, IFLA_VXLAN_LEARNING
 * @param proxy          {@code [no]proxy}, IFLA_VXLAN_PROXY
 * @param l2miss         {@code [no]l2miss}, IFLA_VXLAN_L2MISS
 * @param l3miss         {@code [no]l3miss}, IFLA_VXLAN_L3MISS
 * @param ageing         {@code ageing SECONDS}, IFLA_VXLAN_AGEING (0 = entries never age)
 * @param maxaddress     {@code maxaddress N}, IFLA_VXLAN_LIMIT (0 = unlimited)
 * @param udpcsum        {@code [no]udpcsum}, IFLA_VXLAN_UDP_CSUM
 * @param udp6zerocsumtx {@code [no]udp6zerocsumtx}, IFLA_VXLAN_UDP_ZERO_CSUM6_TX
 * @param udp6zerocsumrx {@code [no]udp6zerocsumrx}, IFLA_VXLAN_UDP_ZERO_CSUM6_RX
 * @param gbp            {@code gbp}, IFLA_VXLAN_GBP (a flag: present or not)
 * @param external       {@code [no]external}, IFLA_VXLAN_COLLECT_METADATA
 */
public record VxlanSpec(Optional<Long> id, Optional<InetAddress> local, Optional<InetAddress> remote,
                        Optional<InetAddress> group, Optional<String> dev, Optional<Long> dstport,
                        Optional<PortRange> srcport, Optional<Long> ttl, Optional<Boolean> ttlInherit,
                        Optional<Long> tos, Optional<Long> flowlabel, Optional<Boolean> learning,
                        Optional<Boolean> proxy, Optional<Boolean> l2miss, Optional<Boolean> l3miss,
                        Optional<Long> ageing, Optional<Long> maxaddress, Optional<Boolean> udpcsum,
                        Optional<Boolean> udp6zerocsumtx, Optional<Boolean> udp6zerocsumrx, Optional<Boolean> gbp,
                        Optional<Boolean> external) implements KindSpec {

    /** {@code srcport LOW HIGH}: the UDP source ports the kernel picks from (by flow hash). */
    public record PortRange(int low, int high) {
    }

    /** The tunnel's address family as its addresses say (IPv6 when any of local, remote, group is IPv6). */
    public boolean isIpv6() {
        return local.map(a -> a instanceof java.net.Inet6Address).orElse(false)
                || remote.map(a -> a instanceof java.net.Inet6Address).orElse(false)
                || group.map(a -> a instanceof java.net.Inet6Address).orElse(false);
    }
}
