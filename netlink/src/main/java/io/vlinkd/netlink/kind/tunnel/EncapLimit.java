package io.vlinkd.netlink.kind.tunnel;

/**
 * The IPv6 tunnel encapsulation limit option (RFC 2473) of ip6tnl and ip6gre: a number of nested encapsulations,
 * or {@code none} to send no such option (IP6_TNL_F_IGN_ENCAP_LIMIT). As an option value: {@code "none"} or a Long.
 */
public record EncapLimit(boolean none, int limit) {
    public static final EncapLimit NONE = new EncapLimit(true, 0);

    public static EncapLimit of(int limit) {
        return new EncapLimit(false, limit);
    }

    public Object toOption() {
        return none ? "none" : (Object) (long) limit;
    }

    @Override
    public String toString() {
        return none ? "none" : Integer.toString(limit);
    }
}
