package io.vlinkd.daemon.resource.neighbour;

import io.vlinkd.config.DesiredState;
import io.vlinkd.config.NeighbourSection;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.ListedOnEntry;
import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.route.NeighbourMessage;
import io.vlinkd.netlink.route.NeighbourRequests;
import io.vlinkd.netlink.route.NeighbourSpec;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.Objects;
import java.util.Optional;

/**
 * Permanent neighbour entries ({@code neighbours:} of an interface entry: static ARP and NDP entries), keyed by
 * interface and address ({@link NeighbourKey}), marked as vlinkd's by NDA_PROTOCOL ({@code settings.route-protocol};
 * kernel 5.2+; {@code ip neigh show proto 247}) and recorded in the ledger as {@code neighbour LINK IFINDEX ADDRESS}.
 *
 * <p>What is whose, as for routes: an entry is vlinkd's when the ledger records it and it carries the mark; a marked
 * entry exactly as configured is claimed (a lost ledger heals). vlinkd's entries that leave the config are deleted;
 * someone else's permanent entry at a configured address is left alone with a note. The entries the kernel learns
 * (ARP and NDP resolution: not NUD_PERMANENT) are the kernel's: never deleted, restored or reported, and a configured
 * entry takes the place of the learned one at its address ({@link #writesOverKernels}). Proxy entries and bridges'
 * FDB entries are not neighbour entries here.
 *
 * <p>The kernel flushes every entry of an interface, permanent ones too, when it goes down or is deleted, and
 * announces each (RTM_DELNEIGH): an interface set down by someone loses vlinkd's entries, which the drift repair adds
 * again with the interface back up.
 */
public final class NeighbourType extends AddressedNeighbourType {

    public static final NeighbourType TYPE = new NeighbourType();

    private NeighbourType() {
        super(new Basics("neighbour", Rtnl.RTNLGRP_NEIGH, NeighbourRequests::dump, true, "neighbour", "ADDRESS"));
    }

    /** An ARP or NDP entry of an RTM_NEWNEIGH or RTM_DELNEIGH; empty for FDB and proxy entries. */
    @Override
    public Optional<ObservedNeighbour> decode(NlMessage message) throws MalformedMessageException {
        if (message.type() != Rtnl.RTM_NEWNEIGH && message.type() != Rtnl.RTM_DELNEIGH) {
            return Optional.empty();
        }
        NeighbourMessage n = NeighbourMessage.decode(message);
        if (!n.isHostEntry()) {
            return Optional.empty();
        }
        return Optional.of(new ObservedNeighbour(n.header().index(), n.address(), n.lladdr(), n.isPermanent(),
                n.protocol()));
    }

    /** Not its proxy entries: those are {@link ProxyNeighbourType}'s. */
    @Override
    protected boolean lists(NeighbourSpec item) {
        return !item.proxy();
    }

    @Override
    public String snapshotLine(ObservedNeighbour observed, ObservedState state) {
        return state.nameOf(observed.index()) + " neighbour " + observed.toSpec() + " proto " + observed.protocol();
    }

    /** Learned by ARP or NDP: the kernel's, changing all the time. */
    @Override
    public boolean kernels(ObservedNeighbour observed) {
        return !observed.permanent();
    }

    @Override
    public boolean writesOverKernels() {
        return true;
    }

    @Override
    public boolean matches(ListedOnEntry<NeighbourSpec> want, ObservedNeighbour have, ObservedState observed) {
        return have.permanent() && Objects.equals(want.spec().lladdr(), have.lladdr());
    }

    @Override
    public KernelObject observedObject(ObservedNeighbour have, ObservedState observed) {
        return NeighbourObject.of(observed.nameOf(have.index()), have.toSpec(), have.protocol());
    }

    @Override
    public String differentOne(NeighbourKey key, ObservedNeighbour have) {
        return "a permanent entry for " + key + " exists with lladdr " + have.lladdr() + " (proto " + have.protocol()
                + ")";
    }

    @Override
    public Optional<ForeignObject> foreign(ObservedNeighbour have, String on, DesiredState desired) {
        if (desired.link(on).filter(d -> d.objects(NeighbourSection.SECTION).stream()
                .anyMatch(n -> n.address().equals(have.address()))).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new ForeignObject(noun(), on, IpText.format(have.address()),
                have.lladdr() == null ? "" : "lladdr " + have.lladdr()));
    }

    @Override
    public String claimedWithoutLedger() {
        return "neighbour entries with its protocol exactly as configured";
    }
}
