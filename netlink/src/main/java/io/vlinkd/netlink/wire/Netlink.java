package io.vlinkd.netlink.wire;

/**
 * Numbers from {@code <linux/netlink.h>} that every netlink message uses. Written by hand; {@code HeaderConstantsTest}
 * checks each against the installed header.
 */
public final class Netlink {
    private Netlink() {
    }

    public static final int NETLINK_ROUTE = 0;
    public static final int NETLINK_GENERIC = 16;

    public static final int NLMSG_HDRLEN = 16;
    public static final int NLA_HDRLEN = 4;
    public static final int NLMSG_ALIGNTO = 4;

    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;

    public static final int NLM_F_REQUEST = 0x01;
    public static final int NLM_F_MULTI = 0x02;
    public static final int NLM_F_ACK = 0x04;
    public static final int NLM_F_ECHO = 0x08;
    public static final int NLM_F_DUMP_INTR = 0x10;
    public static final int NLM_F_DUMP_FILTERED = 0x20;
    public static final int NLM_F_ROOT = 0x100;
    public static final int NLM_F_MATCH = 0x200;
    public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    /** NEW requests. */
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int NLM_F_APPEND = 0x800;
    /** Flags on an NLMSG_ERROR acknowledgement. */
    public static final int NLM_F_CAPPED = 0x100;
    public static final int NLM_F_ACK_TLVS = 0x200;

    public static final int NLA_F_NESTED = 1 << 15;
    public static final int NLA_F_NET_BYTEORDER = 1 << 14;
    public static final int NLA_TYPE_MASK = ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) & 0xffff;

    /** Socket options (SOL_NETLINK = 270). */
    public static final int SOL_NETLINK = 270;
    public static final int NETLINK_ADD_MEMBERSHIP = 1;
    public static final int NETLINK_DROP_MEMBERSHIP = 2;
    public static final int NETLINK_CAP_ACK = 10;
    public static final int NETLINK_EXT_ACK = 11;
    public static final int NETLINK_GET_STRICT_CHK = 12;

    /** Extended-ack attributes (enum nlmsgerr_attrs). */
    public static final Attr NLMSGERR_ATTR_MSG = Attr.of("NLMSGERR_ATTR_MSG", 1, AttrType.STRING);
    public static final Attr NLMSGERR_ATTR_OFFS = Attr.of("NLMSGERR_ATTR_OFFS", 2, AttrType.U32);
    public static final Attr NLMSGERR_ATTR_COOKIE = Attr.of("NLMSGERR_ATTR_COOKIE", 3, AttrType.BINARY);
    public static final Attr NLMSGERR_ATTR_POLICY = Attr.of("NLMSGERR_ATTR_POLICY", 4, AttrType.NESTED);
    public static final Attr NLMSGERR_ATTR_MISS_TYPE = Attr.of("NLMSGERR_ATTR_MISS_TYPE", 5, AttrType.U32);
    public static final Attr NLMSGERR_ATTR_MISS_NEST = Attr.of("NLMSGERR_ATTR_MISS_NEST", 6, AttrType.U32);
    public static final AttrSpace NLMSGERR_ATTRS = AttrSpace.of("NLMSGERR_ATTR", NLMSGERR_ATTR_MSG,
            NLMSGERR_ATTR_OFFS, NLMSGERR_ATTR_COOKIE, NLMSGERR_ATTR_POLICY, NLMSGERR_ATTR_MISS_TYPE,
            NLMSGERR_ATTR_MISS_NEST);

    public static int align(int length) {
        return (length + NLMSG_ALIGNTO - 1) & ~(NLMSG_ALIGNTO - 1);
    }
}
