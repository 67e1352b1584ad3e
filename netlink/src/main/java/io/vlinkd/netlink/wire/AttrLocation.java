package io.vlinkd.netlink.wire;

/**
 * Where the writer put an attribute: its offset from the start of the message and its path of names, so that the
 * kernel's extack offset becomes {@code IFLA_LINKINFO/IFLA_INFO_DATA/IFLA_VXLAN_ID}.
 */
public record AttrLocation(int offset, int length, String path) {
}
