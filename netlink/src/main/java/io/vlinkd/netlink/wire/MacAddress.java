package io.vlinkd.netlink.wire;

import java.util.Arrays;
import java.util.HexFormat;

/** A 6-byte Ethernet address, written as {@code 02:00:00:00:00:01}. */
public final class MacAddress {
    private static final HexFormat HEX = HexFormat.ofDelimiter(":");
    private final byte[] bytes;

    private MacAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    public static MacAddress of(byte[] bytes) {
        if (bytes.length != 6) {
            throw new IllegalArgumentException("a MAC address has 6 bytes, not " + bytes.length);
        }
        return new MacAddress(bytes.clone());
    }

    /** Parses {@code aa:bb:cc:dd:ee:ff} (hex, case-insensitive, colon-separated). */
    public static MacAddress parse(String text) {
        if (!text.matches("(?i)[0-9a-f]{2}(:[0-9a-f]{2}){5}")) {
            throw new IllegalArgumentException("not a MAC address (want six hex pairs like 02:00:00:00:00:01): "
                    + text);
        }
        return new MacAddress(HEX.parseHex(text));
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public boolean isMulticast() {
        return (bytes[0] & 1) != 0;
    }

    public boolean isZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MacAddress m && Arrays.equals(bytes, m.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HEX.formatHex(bytes);
    }
}
