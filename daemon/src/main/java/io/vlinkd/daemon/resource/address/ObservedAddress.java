package io.vlinkd.daemon.resource.address;

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
                              int protocol, long validLifetime, long preferredLifetime) {

    /** IFA_CACHEINFO's "forever" (INFINITY_LIFE_TIME). */
    public static final long FOREVER = 0xffffffffL;

    public ObservedAddress(int index, InetAddress address, int prefixLength, InetAddress peer, int flags) {
        this(index, address, prefixLength, peer, flags, 0);
    }

    public ObservedAddress(int index, InetAddress address, int prefixLength, InetAddress peer, int flags,
                           int protocol) {
        this(index, address, prefixLength, peer, flags, protocol, FOREVER, FOREVER);
    }

    public boolean noprefixroute() {
        return (flags & Rtnl.IFA_F_NOPREFIXROUTE) != 0;
    }

    /**
     * What differs from {@code want} (same address and prefix) in what the config sets: peer, noprefixroute,
     * and whether each lifetime is forever (the kernel reports only the time left, so two finite lifetimes are
     * not compared). Empty when nothing does.
     */
    public java.util.List<String> differences(AddressSpec want) {
        java.util.List<String> out = new java.util.ArrayList<>();
        if (!java.util.Objects.equals(want.peer().orElse(null), peer)) {
            out.add("peer");
        }
        if (want.noprefixroute() != noprefixroute()) {
            out.add("noprefixroute");
        }
        if (want.validLifetime().isEmpty() != (validLifetime == FOREVER)) {
            out.add("valid-lft");
        }
        if (want.preferredLifetime().or(want::validLifetime).isEmpty() != (preferredLifetime == FOREVER)) {
            out.add("preferred-lft");
        }
        return out;
    }

    /**
     * False for addresses with lifetimes that something keeps renewing (SLAAC, DHCP, or added with valid_lft):
     * the kernel sets IFA_F_PERMANENT only on addresses added without a lifetime. vlinkd never deletes those.
     */
    public boolean isPermanent() {
        return (flags & Rtnl.IFA_F_PERMANENT) != 0;
    }

    public AddressSpec toSpec() {
        return new AddressSpec(address, prefixLength, Optional.ofNullable(peer),
                validLifetime == FOREVER ? Optional.empty() : Optional.of(Math.max(validLifetime, 1)),
                preferredLifetime == FOREVER ? Optional.empty() : Optional.of(preferredLifetime), noprefixroute());
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
