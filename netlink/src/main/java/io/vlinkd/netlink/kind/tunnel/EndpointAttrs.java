package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrType;

/**
 * The attributes that carry a tunnel's {@code dev}, {@code local} and {@code remote} in its family's space
 * (IFLA_IPTUN_*, IFLA_GRE_*, IFLA_VTI_*), with the addresses typed for the outer header's IP version, so that an
 * address of the other version fails in the writer, not at the kernel.
 *
 * @param link   IFLA_*_LINK: the ifindex of the device the outer packets leave by
 * @param local  IFLA_*_LOCAL, typed IN_ADDR or IN6_ADDR
 * @param remote IFLA_*_REMOTE, typed like {@code local}
 * @param v6     whether the outer header is IPv6
 */
record EndpointAttrs(Attr link, Attr local, Attr remote, boolean v6) {

    /** The family's LINK, LOCAL and REMOTE (declared IP_ADDR, either version) for an IPv4 outer header. */
    static EndpointAttrs ipv4(Attr link, Attr local, Attr remote) {
        return new EndpointAttrs(link, typed(local, AttrType.IN_ADDR), typed(remote, AttrType.IN_ADDR), false);
    }

    /** The same for an IPv6 outer header. */
    static EndpointAttrs ipv6(Attr link, Attr local, Attr remote) {
        return new EndpointAttrs(link, typed(local, AttrType.IN6_ADDR), typed(remote, AttrType.IN6_ADDR), true);
    }

    private static Attr typed(Attr address, AttrType version) {
        return Attr.of(address.name(), address.type(), version);
    }

    /** The value type of {@code local} and {@code remote}. */
    ValueType addressType() {
        return v6 ? ValueType.ipv6() : ValueType.ipv4();
    }
}
