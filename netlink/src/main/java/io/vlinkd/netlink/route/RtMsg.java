package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;

/** {@code struct rtmsg} (12 bytes): family, dst_len, src_len, tos, table, protocol, scope, type, flags. */
public record RtMsg(int family, int dstLength, int srcLength, int tos, int table, int protocol, int scope, int type,
                    int flags) {
    public static final int LENGTH = 12;

    public void writeTo(MessageWriter w) {
        w.u8(family).u8(dstLength).u8(srcLength).u8(tos).u8(table).u8(protocol).u8(scope).u8(type).u32(flags);
    }

    public static RtMsg read(NlMessage m) throws MalformedMessageException {
        return new RtMsg(m.u8(0), m.u8(1), m.u8(2), m.u8(3), m.u8(4), m.u8(5), m.u8(6), m.u8(7), m.u32(8));
    }
}
