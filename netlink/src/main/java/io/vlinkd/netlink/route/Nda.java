package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.wire.AttrType.BE16;
import static io.vlinkd.netlink.wire.AttrType.BINARY;
import static io.vlinkd.netlink.wire.AttrType.U16;
import static io.vlinkd.netlink.wire.AttrType.U32;
import static io.vlinkd.netlink.wire.AttrType.U8;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;

/** Neighbour attributes ({@code enum NDA_*} in {@code <linux/neighbour.h>}). */
public final class Nda {
    private Nda() {
    }

    public static final Attr NDA_DST = Attr.of("NDA_DST", 1, AttrType.IP_ADDR);
    public static final Attr NDA_LLADDR = Attr.of("NDA_LLADDR", 2, BINARY);
    /** A bridge FDB entry's VLAN. */
    public static final Attr NDA_VLAN = Attr.of("NDA_VLAN", 5, U16);
    /** A VXLAN remote's UDP port (network order) and VNI. */
    public static final Attr NDA_PORT = Attr.of("NDA_PORT", 6, BE16);
    public static final Attr NDA_VNI = Attr.of("NDA_VNI", 7, U32);
    /** A VXLAN remote's outgoing interface; a bridge port's entry names its bridge in NDA_MASTER. */
    public static final Attr NDA_IFINDEX = Attr.of("NDA_IFINDEX", 8, U32);
    public static final Attr NDA_MASTER = Attr.of("NDA_MASTER", 9, U32);
    /** The entry's owner, like a route's protocol (kernel 5.2+): vlinkd marks its entries with it. */
    public static final Attr NDA_PROTOCOL = Attr.of("NDA_PROTOCOL", 12, U8);

    public static final AttrSpace SPACE = AttrSpace.of("NDA", NDA_DST, NDA_LLADDR, NDA_VLAN, NDA_PORT,
            NDA_VNI, NDA_IFINDEX, NDA_MASTER, NDA_PROTOCOL);
}
