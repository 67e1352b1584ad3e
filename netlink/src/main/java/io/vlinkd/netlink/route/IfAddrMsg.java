package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;

/** {@code struct ifaddrmsg} (8 bytes): family, prefixlen, flags, scope, index. */
public record IfAddrMsg(int family, int prefixLength, int flags, int scope, int index) {
    public static final int LENGTH = 8;

    public void writeTo(MessageWriter w) {
        w.u8(family).u8(prefixLength).u8(flags).u8(scope).u32(index);
    }

    public static IfAddrMsg read(NlMessage m) throws MalformedMessageException {
        return new IfAddrMsg(m.u8(0), m.u8(1), m.u8(2), m.u8(3), m.u32(4));
    }
}
