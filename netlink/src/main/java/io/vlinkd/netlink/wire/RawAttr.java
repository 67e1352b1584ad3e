package io.vlinkd.netlink.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * One attribute as received: its number, whether the NLA_F_NESTED bit was set, and where its payload lies in the
 * receive buffer. Kept as is for attributes a kind does not know, so a newer kernel never breaks us.
 */
public record RawAttr(int type, boolean nestedBit, byte[] buf, int offset, int length) {

    public byte[] payload() {
        return Arrays.copyOfRange(buf, offset, offset + length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RawAttr r && r.type == type && Arrays.equals(buf, offset, offset + length,
                r.buf, r.offset, r.offset + r.length);
    }

    @Override
    public int hashCode() {
        return type * 31 + Arrays.hashCode(payload());
    }

    @Override
    public String toString() {
        return type + "=" + HexFormat.of().formatHex(buf, offset, offset + length);
    }
}
