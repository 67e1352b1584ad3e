package io.vlinkd.config;

import java.net.InetAddress;
import java.util.Optional;

/** An address with a prefix length ({@code 192.0.2.10/24}), parsed strictly. */
record Prefix(InetAddress address, int length) {

    /** The prefix, or the reason it is not one. */
    sealed interface Parsed {
        record Ok(Prefix prefix) implements Parsed {
        }

        record Bad(String message) implements Parsed {
        }
    }

    /**
     * Parses {@code ADDR/LEN}; a bare address is taken as a host prefix only when {@code bareIsHost}
     * (route destinations, like {@code ip route}); interface addresses must say their length.
     */
    static Parsed parse(String text, boolean bareIsHost) {
        int slash = text.indexOf('/');
        String addr = slash < 0 ? text : text.substring(0, slash);
        Optional<InetAddress> a = IpText.parse(addr);
        if (a.isEmpty()) {
            return new Parsed.Bad("'" + Values.printable(addr) + "' is not an IP address");
        }
        int bits = IpText.bits(a.get());
        if (slash < 0) {
            return bareIsHost ? new Parsed.Ok(new Prefix(a.get(), bits))
                    : new Parsed.Bad("'" + Values.printable(text) + "' has no prefix length (write "
                    + addr + "/" + (bits == 32 ? "24" : "64") + ", or /" + bits + " for a single address)");
        }
        String len = text.substring(slash + 1);
        if (!len.matches("(0|[1-9][0-9]{0,2})")) {
            return new Parsed.Bad("'" + Values.printable(len) + "' is not a prefix length");
        }
        int n = Integer.parseInt(len);
        if (n > bits) {
            return new Parsed.Bad("prefix length " + n + " is out of range 0.." + bits + " for an "
                    + IpText.family(a.get()) + " address");
        }
        return new Parsed.Ok(new Prefix(a.get(), n));
    }

    @Override
    public String toString() {
        return IpText.format(address) + "/" + length;
    }
}
