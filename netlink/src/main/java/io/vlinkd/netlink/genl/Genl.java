package io.vlinkd.netlink.genl;

import static io.vlinkd.netlink.wire.AttrType.NESTED;
import static io.vlinkd.netlink.wire.AttrType.STRING;
import static io.vlinkd.netlink.wire.AttrType.U16;
import static io.vlinkd.netlink.wire.AttrType.U32;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;

/**
 * Generic netlink numbers ({@code <linux/genetlink.h>}): the controller family that resolves a family's name to its
 * dynamic id and multicast groups. Written by hand; {@code HeaderConstantsTest} checks them against the header.
 */
public final class Genl {
    private Genl() {
    }

    /** {@code NLMSG_ALIGN(sizeof(struct genlmsghdr))}: cmd u8, version u8, reserved u16. */
    public static final int GENL_HDRLEN = 4;
    /** Longest family name including its NUL. */
    public static final int GENL_NAMSIZ = 16;
    /** The controller's fixed id ({@code NLMSG_MIN_TYPE}); every other family's id is assigned at registration. */
    public static final int GENL_ID_CTRL = 16;
    public static final int GENL_MIN_ID = 16;
    public static final int GENL_MAX_ID = 1023;

    /** enum CTRL_CMD_*. */
    public static final int CTRL_CMD_NEWFAMILY = 1;
    public static final int CTRL_CMD_DELFAMILY = 2;
    public static final int CTRL_CMD_GETFAMILY = 3;
    public static final int CTRL_CMD_NEWMCAST_GRP = 7;
    public static final int CTRL_CMD_DELMCAST_GRP = 8;
    /** The controller's own version, as {@code genl ctrl} sends it. */
    public static final int CTRL_VERSION = 2;

    /** enum CTRL_ATTR_*. */
    public static final Attr CTRL_ATTR_FAMILY_ID = Attr.of("CTRL_ATTR_FAMILY_ID", 1, U16);
    public static final Attr CTRL_ATTR_FAMILY_NAME = Attr.of("CTRL_ATTR_FAMILY_NAME", 2, STRING);
    public static final Attr CTRL_ATTR_VERSION = Attr.of("CTRL_ATTR_VERSION", 3, U32);
    public static final Attr CTRL_ATTR_HDRSIZE = Attr.of("CTRL_ATTR_HDRSIZE", 4, U32);
    public static final Attr CTRL_ATTR_MAXATTR = Attr.of("CTRL_ATTR_MAXATTR", 5, U32);
    public static final Attr CTRL_ATTR_OPS = Attr.of("CTRL_ATTR_OPS", 6, NESTED);
    public static final Attr CTRL_ATTR_MCAST_GROUPS = Attr.of("CTRL_ATTR_MCAST_GROUPS", 7, NESTED);
    public static final Attr CTRL_ATTR_POLICY = Attr.of("CTRL_ATTR_POLICY", 8, NESTED);
    public static final Attr CTRL_ATTR_OP_POLICY = Attr.of("CTRL_ATTR_OP_POLICY", 9, NESTED);
    public static final Attr CTRL_ATTR_OP = Attr.of("CTRL_ATTR_OP", 10, U32);
    public static final AttrSpace CTRL_ATTRS = AttrSpace.of("CTRL_ATTR", CTRL_ATTR_FAMILY_ID, CTRL_ATTR_FAMILY_NAME,
            CTRL_ATTR_VERSION, CTRL_ATTR_HDRSIZE, CTRL_ATTR_MAXATTR, CTRL_ATTR_OPS, CTRL_ATTR_MCAST_GROUPS,
            CTRL_ATTR_POLICY, CTRL_ATTR_OP_POLICY, CTRL_ATTR_OP);

    /** enum CTRL_ATTR_OP_*: one entry of CTRL_ATTR_OPS (itself a list indexed 1..n). */
    public static final Attr CTRL_ATTR_OP_ID = Attr.of("CTRL_ATTR_OP_ID", 1, U32);
    public static final Attr CTRL_ATTR_OP_FLAGS = Attr.of("CTRL_ATTR_OP_FLAGS", 2, U32);

    /** enum CTRL_ATTR_MCAST_GRP_*: one entry of CTRL_ATTR_MCAST_GROUPS (a list indexed 1..n). */
    public static final Attr CTRL_ATTR_MCAST_GRP_NAME = Attr.of("CTRL_ATTR_MCAST_GRP_NAME", 1, STRING);
    public static final Attr CTRL_ATTR_MCAST_GRP_ID = Attr.of("CTRL_ATTR_MCAST_GRP_ID", 2, U32);
    public static final AttrSpace CTRL_ATTR_MCAST_GRPS = AttrSpace.of("CTRL_ATTR_MCAST_GRP",
            CTRL_ATTR_MCAST_GRP_NAME, CTRL_ATTR_MCAST_GRP_ID);
}
