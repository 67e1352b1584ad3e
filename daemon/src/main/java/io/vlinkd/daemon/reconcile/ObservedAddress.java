package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.route.AddressSpec;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/** An address as dumped: on interface {@code index}, with its peer on a point-to-point link (or null). */
public record ObservedAddress(int index, InetAddress address, int prefixLength, InetAddress peer, int flags) {

    public AddressSpec toSpec() {
        return new AddressSpec(address, prefixLength, Optional.ofNullable(peer), Optional.empty(), Optional.empty());
    }

    /**
     * IPv6 link-local addresses are the kernel's own (addrgenmode); vlinkd neither compares nor deletes them, as
     * an operator listing {@code addresses:} means the routable ones.
     */
    public boolean isKernelLinkLocal() {
        return address instanceof Inet6Address a && a.isLinkLocalAddress();
    }

    /** Same address and prefix: the identity the kernel uses for RTM_DELADDR. */
    public boolean sameAs(AddressSpec spec) {
        return address.equals(spec.address()) && prefixLength == spec.prefixLength();
    }
}
