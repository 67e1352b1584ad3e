package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.wire.AttrType.BINARY;
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
    /** The entry's owner, like a route's protocol (kernel 5.2+): vlinkd marks its entries with it. */
    public static final Attr NDA_PROTOCOL = Attr.of("NDA_PROTOCOL", 12, U8);

    public static final AttrSpace SPACE = AttrSpace.of("NDA", NDA_DST, NDA_LLADDR, NDA_PROTOCOL);
}
