package io.vlinkd.netlink.kind;

import java.net.InetAddress;
import java.util.Optional;

/**
 * A Geneve tunnel endpoint (drivers/net/geneve.c): an Ethernet overlay over UDP to one remote. Every field is
 * optional: an empty one is not managed.
 *
 * <pre>
 * - name: gnv0
 *   kind: geneve
 *   geneve: { id: 42, remote: 192.0.2.2, dstport: 6081, ttl: 64, df: set }
 * </pre>
 * Equivalent to: {@code ip link add gnv0 type geneve id 42 remote 192.0.2.2 ttl 64 df set dstport 6081}.
 *
 * @param id                {@code id VNI}, IFLA_GENEVE_ID (24 bits)
 * @param remote            {@code remote ADDR}, IFLA_GENEVE_REMOTE or IFLA_GENEVE_REMOTE6 by family
 * @param ttl               {@code ttl N}, IFLA_GENEVE_TTL (0: the route's)
 * @param ttlInherit        {@code ttl inherit}, IFLA_GENEVE_TTL_INHERIT: the inner packet's
 * @param tos               {@code tos N}, IFLA_GENEVE_TOS
 * @param df                {@code df unset|set|inherit}, IFLA_GENEVE_DF
 * @param label             {@code label N}, IFLA_GENEVE_LABEL: the IPv6 flow label (IPv6 remotes)
 * @param dstport           {@code dstport N}, IFLA_GENEVE_PORT (default 6081)
 * @param external          {@code external}, IFLA_GENEVE_COLLECT_METADATA: metadata mode, no id or remote
 * @param udpcsum           {@code udpcsum}, IFLA_GENEVE_UDP_CSUM: checksum the outer UDP header over IPv4
 * @param udp6zerocsumtx    {@code udp6zerocsumtx}, IFLA_GENEVE_UDP_ZERO_CSUM6_TX: send a zero UDP checksum over IPv6
 * @param udp6zerocsumrx    {@code udp6zerocsumrx}, IFLA_GENEVE_UDP_ZERO_CSUM6_RX: accept a zero one
 * @param innerProtoInherit {@code innerprotoinherit}, IFLA_GENEVE_INNER_PROTO_INHERIT: carry IP without an
 *                          Ethernet header (kernel 5.16)
 */
public record GeneveSpec(Optional<Long> id, Optional<InetAddress> remote, Optional<Long> ttl,
                         Optional<Boolean> ttlInherit, Optional<Long> tos, Optional<String> df, Optional<Long> label,
                         Optional<Long> dstport, Optional<Boolean> external, Optional<Boolean> udpcsum,
                         Optional<Boolean> udp6zerocsumtx, Optional<Boolean> udp6zerocsumrx,
                         Optional<Boolean> innerProtoInherit) implements KindSpec {
}
