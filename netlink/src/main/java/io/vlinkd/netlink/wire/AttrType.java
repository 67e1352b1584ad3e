package io.vlinkd.netlink.wire;

/**
 * The wire type of a netlink attribute's payload. Every attribute constant carries one, so that writing a
 * u32 into a be16 attribute fails in a unit test instead of at the kernel (STYLE.md, "Types are data").
 */
public enum AttrType {
    U8(1), U16(2), U32(4), U64(8), S32(4),
    /** Network byte order, e.g. IFLA_VXLAN_PORT. */
    BE16(2),
    BE32(4),
    /** NUL-terminated string (NLA_NUL_STRING / NLA_STRING as iproute2 sends it: with the NUL). */
    STRING(-1),
    /**
     * A string written without its NUL (NLA_STRING as iproute2 sends IFLA_INFO_KIND: {@code strlen(type)} bytes).
     * Read like STRING: up to the first NUL or the end.
     */
    UNTERMINATED_STRING(-1),
    /** Opaque bytes of any length (structs like IFLA_STATS64, IFLA_VXLAN_PORT_RANGE). */
    BINARY(-1),
    /** Presence-only attribute with no payload. */
    FLAG(0),
    /** A 6-byte Ethernet address. */
    MAC(6),
    /** A 4-byte IPv4 address. */
    IN_ADDR(4),
    /** A 16-byte IPv6 address. */
    IN6_ADDR(16),
    /** An IPv4 or IPv6 address, its length telling which (IFA_ADDRESS, RTA_DST, IFLA_GRE_LOCAL for ip6gre...). */
    IP_ADDR(-1),
    /** A list of attributes; the NLA_F_NESTED bit is not set, as iproute2 does not set it for rtnetlink. */
    NESTED(-1);

    private final int fixedLength;

    AttrType(int fixedLength) {
        this.fixedLength = fixedLength;
    }

    /** The exact payload length, or -1 when it varies. */
    public int fixedLength() {
        return fixedLength;
    }

    public boolean isInteger() {
        return this == U8 || this == U16 || this == U32 || this == U64 || this == S32 || this == BE16 || this == BE32;
    }
}
