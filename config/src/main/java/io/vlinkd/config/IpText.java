package io.vlinkd.config;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict IP literals. {@link InetAddress#getByName} would look up anything that is not a literal in DNS, so text is
 * checked first: dotted quads without leading zeros (as glibc's inet_pton), or hex-and-colon IPv6 without a zone.
 */
final class IpText {
    private static final Pattern V4 = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");
    private static final Pattern V6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpText() {
    }

    static Optional<InetAddress> parse(String text) {
        if (V4.matcher(text).matches()) {
            String[] parts = text.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return Optional.empty();
                }
                b[i] = (byte) v;
            }
            return Optional.of(byAddress(b));
        }
        if (V6.matcher(text).matches() && text.length() <= 45) {
            try {
                // A literal: checked above to hold only hex digits, colons and dots, so no lookup happens.
                InetAddress a = InetAddress.getByName(text);
                if (a instanceof Inet4Address) {
                    // Java turns ::ffff:a.b.c.d into an IPv4 address; keep the operator's family.
                    byte[] v4 = a.getAddress();
                    byte[] v6 = new byte[16];
                    v6[10] = (byte) 0xff;
                    v6[11] = (byte) 0xff;
                    System.arraycopy(v4, 0, v6, 12, 4);
                    return Optional.of(Inet6Address.getByAddress(null, v6, -1));
                }
                return Optional.of(a);
            } catch (UnknownHostException | RuntimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The address as iproute2 prints it: IPv6 in RFC 5952 form ({@code 2001:db8::1}), not Java's long form. */
    static String format(InetAddress a) {
        return io.vlinkd.netlink.kind.IpText.format(a);
    }

    static int bits(InetAddress a) {
        return a instanceof Inet4Address ? 32 : 128;
    }

    static String family(InetAddress a) {
        return a instanceof Inet4Address ? "IPv4" : "IPv6";
    }

    /** True when bits beyond {@code prefix} are set ({@code 192.0.2.1/24} as a route destination). */
    static boolean hasHostBits(InetAddress a, int prefix) {
        byte[] b = a.getAddress();
        for (int i = prefix; i < b.length * 8; i++) {
            if ((b[i / 8] & (0x80 >>> (i % 8))) != 0) {
                return true;
            }
        }
        return false;
    }

    private static InetAddress byAddress(byte[] b) {
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are an IPv4 address", e);
        }
    }
}
