package io.vlinkd.daemon.state;

import io.vlinkd.netlink.kind.IpText;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

/**
 * The fields of ownership ledger lines, as {@link OwnershipStore} writes them and every line type reads them back:
 * interface names, numbers, {@code ADDR/LEN}. Thousands of lines are read per reconcile, so the checks avoid
 * regular expressions where they can.
 */
public final class LedgerFields {
    private LedgerFields() {
    }

    /**
     * What is wrong with a ledger line, in the words of the damage report ({@code TABLE is not a positive number});
     * without a stack trace: it is a finding about the file, not a fault of the daemon.
     */
    public static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;

        public BadLine(String problem) {
            super(problem, null, false, false);
        }
    }

    /** An address and prefix length: the {@code ADDR/LEN} field. */
    public record Prefix(InetAddress address, int length) {
    }

    /**
     * {@code ADDR/LEN} as {@link #prefix(InetAddress, int)} writes it; null for anything else. Only literals reach
     * {@link InetAddress#getByName} (checked characters, and the text must read back the same), so no name is ever
     * looked up.
     */
    public static Prefix prefix(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || !text.substring(0, slash).matches("[0-9a-f:.]{2,45}")
                || !(text.contains(":") || text.substring(0, slash).split("\\.", -1).length == 4)) {
            return null;
        }
        int len = number(text.substring(slash + 1));
        try {
            InetAddress a = InetAddress.getByName(text.substring(0, slash));
            int bits = a.getAddress().length * 8;
            if (len < 0 || len > bits || !IpText.format(a).equals(text.substring(0, slash))) {
                return null;
            }
            return new Prefix(a, len);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** An address alone ({@code ADDR}, as {@link IpText#format} writes it); null for anything else. */
    public static InetAddress address(String text) {
        Prefix p = prefix(text + "/0");
        return p == null ? null : p.address();
    }

    /** The {@code ADDR/LEN} field of {@code a} with prefix length {@code length}. */
    public static String prefix(InetAddress a, int length) {
        return IpText.format(a) + "/" + length;
    }

    /**
     * As net/core/dev.c dev_valid_name(): 1 to 15 bytes, not "." or "..", no '/', ':' or whitespace; the problem,
     * or null for a valid name.
     */
    public static String checkName(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > 15 || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c) || c < 0x20)) {
            return "not an interface name";
        }
        return null;
    }

    /** One to ten decimal digits. */
    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A u32 (route tables and metrics); -1 when not one. */
    public static long u32(String s) {
        if (!digits(s)) {
            return -1;
        }
        long v = Long.parseLong(s);
        return v > 0xffffffffL ? -1 : v;
    }

    /** A non-negative int (an ifindex); -1 when not one. */
    public static int number(String s) {
        if (!digits(s)) {
            return -1;
        }
        long v = Long.parseLong(s);
        return v > Integer.MAX_VALUE ? -1 : (int) v;
    }
}
