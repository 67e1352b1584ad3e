package io.vlinkd.daemon.resource.address;

import io.vlinkd.netlink.kind.IpText;
import java.net.InetAddress;

/**
 * What makes two addresses the same address to the kernel: the interface, the local address and the prefix length
 * (RTM_DELADDR finds an address by these; its peer, lifetimes and flags are attributes of it).
 */
public record AddressKey(String link, InetAddress address, int prefixLength) {
    @Override
    public String toString() {
        return IpText.format(address) + "/" + prefixLength + " on " + link;
    }
}
