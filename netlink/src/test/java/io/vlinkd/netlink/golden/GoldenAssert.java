package io.vlinkd.netlink.golden;

import io.vlinkd.netlink.wire.AttrLocation;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Compares our request with a capture byte for byte (sequence number and port id ignored). A failure prints both
 * messages annotated attribute by attribute, with the names our writer recorded, not two opaque byte arrays.
 */
public final class GoldenAssert {
    private GoldenAssert() {
    }

    public static void assertSameBytes(GoldenFixture expected, NlRequest actual) {
        byte[] ours = actual.bytes().clone();
        Arrays.fill(ours, 8, Math.min(16, ours.length), (byte) 0);
        if (!Arrays.equals(expected.request(), ours)) {
            throw new AssertionError("request differs from iproute2's for `" + expected.command() + "` ("
                    + expected.resource() + ")\n--- iproute2 (" + expected.iproute2() + ")\n"
                    + annotate(expected.request(), actual) + "--- vlinkd\n" + annotate(ours, actual));
        }
    }

    /** One line per attribute our writer placed, showing the bytes found there in {@code bytes}. */
    static String annotate(byte[] bytes, NlRequest layout) {
        HexFormat hex = HexFormat.of();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("  %4d  header  %s%n", 0, hex.formatHex(bytes, 0, Math.min(16, bytes.length))));
        int headerEnd = layout.locations().stream().mapToInt(AttrLocation::offset).min().orElse(bytes.length);
        if (headerEnd > 16) {
            sb.append(String.format("  %4d  family  %s%n", 16, hex.formatHex(bytes, 16, Math.min(headerEnd,
                    bytes.length))));
        }
        layout.locations().stream().sorted((a, b) -> a.offset() != b.offset() ? Integer.compare(a.offset(),
                b.offset()) : Integer.compare(b.length(), a.length())).forEach(l -> {
                    int end = Math.min(bytes.length, l.offset() + Math.min(l.length(), 4));
                    int payloadEnd = Math.min(bytes.length, l.offset() + l.length());
                    String head = l.offset() < bytes.length ? hex.formatHex(bytes, l.offset(), end) : "(missing)";
                    String payload = end < payloadEnd && l.length() <= 64 ? " " + hex.formatHex(bytes, end,
                            payloadEnd) : "";
                    sb.append(String.format("  %4d  %s  %s%s%n", l.offset(), l.path(), head, payload));
                });
        sb.append(String.format("  (%d bytes)%n", bytes.length));
        return sb.toString();
    }
}
