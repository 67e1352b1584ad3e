package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.route.AddressSpec;
import io.vlinkd.netlink.route.Rtnl;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * An address as dumped: on interface {@code index}, with its peer on a point-to-point link (or null), its flags
 * (IFA_FLAGS) and its protocol (IFA_PROTO, 0 when absent: kernels before 5.18, or an address nobody marked).
 */
public record ObservedAddress(int index, InetAddress address, int prefixLength, InetAddress peer, int flags,
                              int protocol) {

    public ObservedAddress(int index, InetAddress address, int prefixLength, InetAddress peer, int flags) {
        this(index, address, prefixLength, peer, flags, 0);
    }

    /**
     * False for addresses with lifetimes that something keeps renewing (SLAAC, DHCP, or added with valid_lft):
     * the kernel sets IFA_F_PERMANENT only on addresses added without a lifetime. vlinkd never deletes those.
     */
    public boolean isPermanent() {
        return (flags & Rtnl.IFA_F_PERMANENT) != 0;
    }

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
