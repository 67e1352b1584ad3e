package io.vlinkd.netlink.genl;

import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;

/**
 * {@code struct genlmsghdr} (4 bytes): the family's command, the family's interface version, and a reserved u16.
 * In a generic netlink message the nlmsghdr type is the family id and this header comes next.
 */
public record GenlHeader(int cmd, int version) {

    public GenlHeader {
        if (cmd < 0 || cmd > 0xff || version < 0 || version > 0xff) {
            throw new IllegalArgumentException("genl cmd and version are u8: " + cmd + ", " + version);
        }
    }

    /**
     * Starts a request to {@code familyId} ({@link GenlFamily#id()}, or {@link Genl#GENL_ID_CTRL}) with this
     * header written; attributes follow.
     */
    public static MessageWriter request(int familyId, int cmd, int version, int flags) {
        if (familyId < Genl.GENL_MIN_ID || familyId > 0xffff) {
            throw new IllegalArgumentException("not a generic netlink family id: " + familyId);
        }
        MessageWriter w = MessageWriter.request(familyId, flags);
        new GenlHeader(cmd, version).writeTo(w);
        return w;
    }

    public void writeTo(MessageWriter w) {
        w.u8(cmd).u8(version).u16(0);
    }

    public static GenlHeader read(NlMessage m) throws MalformedMessageException {
        return new GenlHeader(m.u8(0), m.u8(1));
    }
}
