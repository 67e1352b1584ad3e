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
 */
public record AddressSpec(InetAddress address, int prefixLength, Optional<InetAddress> peer,
                          Optional<Long> validLifetime, Optional<Long> preferredLifetime) {

    public static AddressSpec of(InetAddress address, int prefixLength) {
        return new AddressSpec(address, prefixLength, Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return IpText.format(address) + "/" + prefixLength + peer.map(p -> " peer " + IpText.format(p)).orElse("");
    }
}
