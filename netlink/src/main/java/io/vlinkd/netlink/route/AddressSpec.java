package io.vlinkd.netlink.route;

import io.vlinkd.netlink.kind.IpText;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An address an operator wants on an interface ({@code ip addr add 192.0.2.10/24 [peer P] [valid_lft N
 * preferred_lft M] dev D}).
 *
 * @param validLifetime     seconds; empty means forever
 * @param preferredLifetime seconds; empty means forever
 * @param noprefixroute     IFA_F_NOPREFIXROUTE: the kernel adds no prefix route for it
 */
public record AddressSpec(InetAddress address, int prefixLength, Optional<InetAddress> peer,
                          Optional<Long> validLifetime, Optional<Long> preferredLifetime, boolean noprefixroute) {

    /** An address with the kernel's prefix route. */
    public AddressSpec(InetAddress address, int prefixLength, Optional<InetAddress> peer,
                       Optional<Long> validLifetime, Optional<Long> preferredLifetime) {
        this(address, prefixLength, peer, validLifetime, preferredLifetime, false);
    }

    public static AddressSpec of(InetAddress address, int prefixLength) {
        return new AddressSpec(address, prefixLength, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return IpText.format(address) + "/" + prefixLength + peer.map(p -> " peer " + IpText.format(p)).orElse("")
                + (noprefixroute ? " noprefixroute" : "");
    }
}
