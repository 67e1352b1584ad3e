package io.vlinkd.daemon.state;

import java.net.InetAddress;

/**
 * An address vlinkd added: on the link {@code link} with index {@code ifindex} (an address of a re-created link
 * is a new one), local address and prefix length (the kernel's identity of an address).
 */
public record OwnedAddress(String link, int ifindex, InetAddress address, int prefixLength) {
}
