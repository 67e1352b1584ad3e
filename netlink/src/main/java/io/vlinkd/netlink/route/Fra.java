package io.vlinkd.netlink.route;

import static io.vlinkd.netlink.wire.AttrType.BINARY;
import static io.vlinkd.netlink.wire.AttrType.IP_ADDR;
import static io.vlinkd.netlink.wire.AttrType.STRING;
import static io.vlinkd.netlink.wire.AttrType.U32;
import static io.vlinkd.netlink.wire.AttrType.U8;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;

/** Policy rule attributes ({@code enum FRA_*} in {@code <linux/fib_rules.h>}). */
public final class Fra {
    private Fra() {
    }

    public static final Attr FRA_DST = Attr.of("FRA_DST", 1, IP_ADDR);
    public static final Attr FRA_SRC = Attr.of("FRA_SRC", 2, IP_ADDR);
    public static final Attr FRA_IIFNAME = Attr.of("FRA_IIFNAME", 3, STRING);
    /** The priority a goto rule jumps to. */
    public static final Attr FRA_GOTO = Attr.of("FRA_GOTO", 4, U32);
    public static final Attr FRA_PRIORITY = Attr.of("FRA_PRIORITY", 6, U32);
    public static final Attr FRA_FWMARK = Attr.of("FRA_FWMARK", 10, U32);
    public static final Attr FRA_SUPPRESS_PREFIXLEN = Attr.of("FRA_SUPPRESS_PREFIXLEN", 14, U32);
    /** A table of 256 or more; a smaller one travels in the header's u8. */
    public static final Attr FRA_TABLE = Attr.of("FRA_TABLE", 15, U32);
    public static final Attr FRA_FWMASK = Attr.of("FRA_FWMASK", 16, U32);
    public static final Attr FRA_OIFNAME = Attr.of("FRA_OIFNAME", 17, STRING);
    public static final Attr FRA_L3MDEV = Attr.of("FRA_L3MDEV", 19, U8);
    /** {@code struct fib_rule_uid_range}: two u32. */
    public static final Attr FRA_UID_RANGE = Attr.of("FRA_UID_RANGE", 20, BINARY);
    /** The rule's owner (kernel 4.17+): vlinkd marks its rules with it, as its routes. */
    public static final Attr FRA_PROTOCOL = Attr.of("FRA_PROTOCOL", 21, U8);
    public static final Attr FRA_IP_PROTO = Attr.of("FRA_IP_PROTO", 22, U8);
    /** {@code struct fib_rule_port_range}: two u16. */
    public static final Attr FRA_SPORT_RANGE = Attr.of("FRA_SPORT_RANGE", 23, BINARY);
    public static final Attr FRA_DPORT_RANGE = Attr.of("FRA_DPORT_RANGE", 24, BINARY);

    public static final AttrSpace SPACE = AttrSpace.of("FRA", FRA_DST, FRA_SRC, FRA_IIFNAME, FRA_GOTO, FRA_PRIORITY,
            FRA_FWMARK, FRA_SUPPRESS_PREFIXLEN, FRA_TABLE, FRA_FWMASK, FRA_OIFNAME, FRA_L3MDEV, FRA_UID_RANGE,
            FRA_PROTOCOL, FRA_IP_PROTO, FRA_SPORT_RANGE, FRA_DPORT_RANGE);
}
