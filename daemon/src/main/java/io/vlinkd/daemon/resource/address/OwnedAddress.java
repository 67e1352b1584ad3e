package io.vlinkd.daemon.resource.address;

import java.net.InetAddress;

/**
 * An address vlinkd added: on the link {@code link} with index {@code ifindex} (an address of a re-created link
 * is a new one), local address and prefix length (the kernel's identity of an address); its ledger line is
 * {@code address LINK IFINDEX ADDR/LEN}.
 */
public record OwnedAddress(String link, int ifindex, InetAddress address, int prefixLength) {
}
