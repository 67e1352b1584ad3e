package io.vlinkd.daemon.resource.neighbour;

import io.vlinkd.config.NeighbourSection;
import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.EntryListType;
import io.vlinkd.daemon.resource.ListedOnEntry;
import io.vlinkd.daemon.resource.OwnedOnLink;
import io.vlinkd.daemon.state.LedgerFields;
import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.route.NeighbourSpec;
import java.net.InetAddress;

/**
 * What neighbour entries and proxy entries share: listed under {@code neighbours:}, keyed by interface and address,
 * marked with NDA_PROTOCOL, recorded as {@code WORD LINK IFINDEX ADDRESS}.
 */
abstract class AddressedNeighbourType
        extends EntryListType<NeighbourKey, NeighbourSpec, ObservedNeighbour, InetAddress> {

    AddressedNeighbourType(Basics basics) {
        super(NeighbourSection.SECTION, basics);
    }

    private record NeighbourIdentity(int index, InetAddress address) {
    }

    @Override
    public Object identity(ObservedNeighbour observed) {
        return new NeighbourIdentity(observed.index(), observed.address());
    }

    @Override
    public NeighbourKey key(ListedOnEntry<NeighbourSpec> desired) {
        return new NeighbourKey(desired.entry().name(), desired.spec().address());
    }

    @Override
    public KernelObject object(ListedOnEntry<NeighbourSpec> desired, int protocol) {
        return NeighbourObject.of(desired.entry().name(), desired.spec(), protocol);
    }

    @Override
    public NeighbourKey observedKey(ObservedNeighbour observed, ObservedState state) {
        return new NeighbourKey(state.nameOf(observed.index()), observed.address());
    }

    @Override
    public int ifindex(ObservedNeighbour observed) {
        return observed.index();
    }

    /** NDA_PROTOCOL; the ledger must record the entry too (someone else may use the number). */
    @Override
    public boolean marked(ObservedNeighbour observed, int protocol) {
        return observed.protocol() == protocol;
    }

    @Override
    public OwnedOnLink<InetAddress> line(ObservedNeighbour observed, ObservedState state) {
        return new OwnedOnLink<>(state.nameOf(observed.index()), observed.index(), observed.address());
    }

    @Override
    protected void writeWhat(InetAddress what, StringBuilder to) {
        to.append(IpText.format(what));
    }

    @Override
    protected InetAddress readWhat(String[] f) throws LedgerFields.BadLine {
        InetAddress a = LedgerFields.address(f[3]);
        if (a == null) {
            throw new LedgerFields.BadLine("ADDRESS is not an IP address");
        }
        return a;
    }
}
