package io.vlinkd.daemon.resource.address;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.state.LedgerFields;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.route.AddressMessage;
import io.vlinkd.netlink.route.AddressRequests;
import io.vlinkd.netlink.route.Ifa;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Addresses ({@code addresses:} of an interface entry): keyed by interface, local address and prefix length
 * ({@link AddressKey}), marked as vlinkd's by IFA_PROTO ({@code settings.route-protocol}; kernel 5.18+) and recorded
 * in the ledger as {@code address NAME IFINDEX A/LEN}.
 *
 * <p>What is whose: an address is vlinkd's when the ledger records it. Beyond the ledger, an address with vlinkd's
 * mark on a link vlinkd owns is claimed (ownership survives a lost ledger), and so is a listed address already on its
 * interface (added by hand as configured, or by a version that did not record addresses). An entry with
 * {@code addresses:} manages its interface's addresses: it adds the listed ones, changes their lifetimes and flags
 * (in place where the kernel allows), and deletes vlinkd's own that left the list; with
 * {@code addresses-exclusive: true} also every other permanent address. Never deleted: dynamic addresses (SLAAC,
 * DHCP: no IFA_F_PERMANENT), IPv6 link-local ones (the kernel's, never compared either), and addresses on an
 * interface whose entry has no {@code addresses:} key.
 */
public final class AddressType implements ResourceType<AddressKey, ListedAddress, ObservedAddress, OwnedAddress> {

    public static final AddressType TYPE = new AddressType();

    private AddressType() {
    }

    @Override
    public String noun() {
        return "address";
    }

    @Override
    public List<Integer> eventGroups() {
        return List.of(Rtnl.RTNLGRP_IPV4_IFADDR, Rtnl.RTNLGRP_IPV6_IFADDR);
    }

    @Override
    public NlRequest dumpRequest() {
        return AddressRequests.dump();
    }

    /** Every address the kernel adds, changes or deletes is announced (RTM_NEWADDR, RTM_DELADDR). */
    @Override
    public boolean announcedExactly() {
        return true;
    }

    /** The kernel's identity of an address: its link, local address, prefix length and (IPv4) peer. */
    @Override
    public Object identity(ObservedAddress observed) {
        return new Identity(observed.index(), observed.address(), observed.prefixLength(), observed.peer());
    }

    private record Identity(int index, InetAddress address, int prefixLength, InetAddress peer) {
    }

    /** The address of an RTM_NEWADDR or RTM_DELADDR; empty when the message carries none of its own. */
    @Override
    public Optional<ObservedAddress> decode(NlMessage message) throws MalformedMessageException {
        if (message.type() != Rtnl.RTM_NEWADDR && message.type() != Rtnl.RTM_DELADDR) {
            return Optional.empty();
        }
        AddressMessage am = AddressMessage.decode(message);
        if (am.own() == null) {
            return Optional.empty();
        }
        long[] lifetimes = lifetimes(am);
        return Optional.of(new ObservedAddress(am.index(), am.own(), am.prefixLength(), am.peer(), am.flags(),
                (int) am.attrs().integer(Ifa.IFA_PROTO, 0), lifetimes[0], lifetimes[1]));
    }

    /**
     * {valid, preferred} seconds left from IFA_CACHEINFO ({@code struct ifa_cacheinfo}: ifa_prefered, ifa_valid,
     * in host order), forever when absent.
     */
    public static long[] lifetimes(AddressMessage am) {
        byte[] ci = am.attrs().bytes(Ifa.IFA_CACHEINFO).orElse(null);
        if (ci == null || ci.length < 8) {
            return new long[] {ObservedAddress.FOREVER, ObservedAddress.FOREVER};
        }
        ByteBuffer b = ByteBuffer.wrap(ci).order(ByteOrder.nativeOrder());
        long preferred = b.getInt(0) & 0xffffffffL;
        long valid = b.getInt(4) & 0xffffffffL;
        return new long[] {valid, preferred};
    }

    @Override
    public List<ListedAddress> desired(DesiredState desired) {
        List<ListedAddress> out = new ArrayList<>();
        for (DesiredLink d : desired.links()) {
            d.addresses().forEach(a -> out.add(new ListedAddress(d, a)));
        }
        return out;
    }

    @Override
    public AddressKey key(ListedAddress desired) {
        return desired.key();
    }

    @Override
    public SourceLocation where(ListedAddress desired) {
        return desired.entry().where();
    }

    @Override
    public Set<String> needs(ListedAddress desired) {
        return Set.of(desired.entry().name());
    }

    @Override
    public KernelObject object(ListedAddress desired, int protocol) {
        return AddressObject.of(desired.entry().name(), desired.spec(), protocol);
    }

    @Override
    public AddressKey observedKey(ObservedAddress observed, ObservedState state) {
        return new AddressKey(state.nameOf(observed.index()), observed.address(), observed.prefixLength());
    }

    @Override
    public String snapshotLine(ObservedAddress observed, ObservedState state) {
        return state.nameOf(observed.index()) + " " + IpText.format(observed.address()) + "/"
                + observed.prefixLength();
    }

    @Override
    public int ifindex(ObservedAddress observed) {
        return observed.index();
    }

    @Override
    public boolean kernels(ObservedAddress observed) {
        return observed.isKernelLinkLocal();
    }

    @Override
    public boolean matches(ListedAddress want, ObservedAddress have, ObservedState observed) {
        return have.differences(want.spec()).isEmpty();
    }

    /**
     * NLM_F_REPLACE changes lifetimes (both families) and flags (IPv6 only); a peer is part of an IPv4 address's
     * identity, and IPv4 keeps its flags on replace: those are a delete and an add.
     */
    @Override
    public boolean replacesInPlace(ListedAddress want, ObservedAddress have) {
        List<String> changed = have.differences(want.spec());
        return !changed.contains("peer")
                && (!changed.contains("noprefixroute") || have.address() instanceof Inet6Address);
    }

    @Override
    public KernelObject observedObject(ObservedAddress have, ObservedState observed) {
        return AddressObject.of(observed.nameOf(have.index()), have.toSpec(), have.protocol());
    }

    @Override
    public String differentOne(AddressKey key, ObservedAddress have) {
        return "address " + key + " exists with other attributes";
    }

    @Override
    public Optional<ForeignObject> foreign(ObservedAddress have, String on, DesiredState desired) {
        if (desired.link(on).filter(d -> d.addresses().stream().anyMatch(have::sameAs)).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ForeignObject(noun(), on,
                IpText.format(have.address()) + "/" + have.prefixLength(), ""));
    }

    /** IFA_PROTO; kernels before 5.18 report none (only the ledger counts there). */
    @Override
    public boolean marked(ObservedAddress observed, int protocol) {
        return observed.protocol() == protocol;
    }

    @Override
    public boolean managedOnItsLink() {
        return true;
    }

    @Override
    public String on(String dev) {
        return "address on " + dev;
    }

    /** The ledger alone says so (the mark makes an address vlinkd's only through {@link #claims}). */
    @Override
    public boolean ours(ObservedAddress observed, boolean recorded, int protocol) {
        return recorded;
    }

    /** With vlinkd's mark on a link vlinkd owns, or listed by the config and already there. */
    @Override
    public boolean claims(ObservedAddress observed, ListedAddress listed, ObservedState state, Ownership owned,
                          int protocol) {
        if (listed != null) {
            return true;
        }
        ObservedLink l = state.link(observed.index()).orElse(null);
        return marked(observed, protocol) && l != null && owned.owns(l.name(), l.index());
    }

    /**
     * Only on an interface whose entry manages its addresses: vlinkd's own, and with {@code addresses-exclusive}
     * every permanent one (a dynamic address stays even then: whatever renews it would only add it again).
     */
    @Override
    public boolean deletesUnlisted(ObservedAddress have, boolean ours, DesiredState desired, ObservedState observed) {
        return desired.link(observed.nameOf(have.index())).filter(d -> d.addressesManaged()
                && (ours || d.addressesExclusive() && have.isPermanent())).isPresent();
    }

    @Override
    public OwnedAddress line(ObservedAddress observed, ObservedState state) {
        return new OwnedAddress(state.nameOf(observed.index()), observed.index(), observed.address(),
                observed.prefixLength());
    }

    @Override
    public String ledgerWord() {
        return "address";
    }

    @Override
    public String ledgerFields() {
        return "LINK IFINDEX ADDR/LEN";
    }

    @Override
    public void writeLine(OwnedAddress line, StringBuilder to) {
        to.append(line.link()).append(' ').append(line.ifindex()).append(' ')
                .append(LedgerFields.prefix(line.address(), line.prefixLength()));
    }

    @Override
    public OwnedAddress readLine(String[] f) throws LedgerFields.BadLine {
        String bad = LedgerFields.checkName(f[1]);
        int index = LedgerFields.number(f[2]);
        LedgerFields.Prefix a = LedgerFields.prefix(f[3]);
        if (bad == null && index <= 0) {
            bad = "ifindex is not a positive number";
        }
        if (bad == null && a == null) {
            bad = "ADDR/LEN is not an address with a prefix length";
        }
        if (bad != null) {
            throw new LedgerFields.BadLine(bad);
        }
        return new OwnedAddress(f[1], index, a.address(), a.length());
    }

    @Override
    public String claimedWithoutLedger() {
        return "addresses carrying vlinkd's IFA_PROTO mark on its links";
    }
}
