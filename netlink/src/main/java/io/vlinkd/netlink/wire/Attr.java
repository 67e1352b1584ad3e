package io.vlinkd.netlink.wire;

/**
 * One attribute of a netlink attribute space, as the kernel names it: {@code IFLA_VXLAN_PORT}, number 15, be16.
 *
 * @param name the kernel's name, greppable across the kernel, iproute2 and us
 * @param type the attribute number (nla_type without the NESTED/BYTEORDER bits)
 * @param wire the payload's wire type
 */
public record Attr(String name, int type, AttrType wire) {

    public Attr {
        if (type < 0 || type > 0x3fff) {
            throw new IllegalArgumentException(name + ": attribute number out of range: " + type);
        }
    }

    public static Attr of(String name, int type, AttrType wire) {
        return new Attr(name, type, wire);
    }

    @Override
    public String toString() {
        return name;
    }
}
