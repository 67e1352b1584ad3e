package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;

/**
 * {@code struct ifinfomsg} (16 bytes): family, pad, type (ARPHRD_*), index, flags, change.
 */
public record IfInfoMsg(int family, int type, int index, int flags, int change) {
    public static final int LENGTH = 16;

    public static IfInfoMsg of(int index) {
        return new IfInfoMsg(Rtnl.AF_UNSPEC, 0, index, 0, 0);
    }

    public void writeTo(MessageWriter w) {
        w.u8(family).u8(0).u16(type).u32(index).u32(flags).u32(change);
    }

    public static IfInfoMsg read(NlMessage m) throws MalformedMessageException {
        return new IfInfoMsg(m.u8(0), m.u16(2), m.u32(4), m.u32(8), m.u32(12));
    }
}
