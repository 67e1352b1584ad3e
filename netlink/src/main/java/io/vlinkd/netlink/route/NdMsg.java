package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;

/** {@code struct ndmsg} (12 bytes): family, 3 bytes of padding, ifindex, state (NUD_*), flags (NTF_*), type. */
public record NdMsg(int family, int index, int state, int flags, int type) {
    public static final int LENGTH = 12;

    public void writeTo(MessageWriter w) {
        w.u8(family).u8(0).u16(0).u32(index).u16(state).u8(flags).u8(type);
    }

    public static NdMsg read(NlMessage m) throws MalformedMessageException {
        return new NdMsg(m.u8(0), m.u32(4), m.u16(8), m.u8(10), m.u8(11));
    }
}
