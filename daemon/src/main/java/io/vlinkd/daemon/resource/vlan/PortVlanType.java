package io.vlinkd.daemon.resource.vlan;

import io.vlinkd.config.EntrySection;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.EntryListType;
import io.vlinkd.daemon.resource.ListedOnEntry;
import io.vlinkd.daemon.resource.OwnedOnLink;
import io.vlinkd.daemon.state.LedgerFields;
import io.vlinkd.netlink.route.BridgeVlanMessage;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What bridge VLANs and their tunnel mappings share: the kernel reports both with a port's VLANs, the whole list in
 * one AF_BRIDGE link message; one is known on its interface by its VID, and recorded in the ledger as
 * {@code WORD LINK IFINDEX VID}; neither has a protocol attribute, so the ledger alone says what is vlinkd's.
 */
abstract class PortVlanType<K, T, O> extends EntryListType<K, T, O, Integer> {

    PortVlanType(EntrySection<T> section, Basics basics) {
        super(section, basics);
    }

    /** The VID of {@code observed}, on its interface. */
    abstract int vid(O observed);

    /** The objects of this type in a port's (or a bridge's) message. */
    abstract List<O> in(BridgeVlanMessage message);

    /**
     * A notification carries a port's whole list, with nothing that says which VLAN changed: the view dumps them
     * again (see {@link BridgeVlanType}).
     */
    @Override
    public final boolean announcedExactly() {
        return false;
    }

    @Override
    public final boolean inLinkNotification(NlMessage message) {
        try {
            return BridgeVlanMessage.decode(message).isPresent();
        } catch (MalformedMessageException e) {
            return true; // what it said is read again by the dump
        }
    }

    @Override
    public final Object identity(O observed) {
        return List.of(ifindex(observed), vid(observed));
    }

    /** The first of a message (a dump's message holds a port's every VLAN: {@link #decodeAll}). */
    @Override
    public final Optional<O> decode(NlMessage message) throws MalformedMessageException {
        return decodeFirst(message);
    }

    @Override
    public final List<O> decodeAll(NlMessage message) throws MalformedMessageException {
        return BridgeVlanMessage.decode(message).map(this::in).orElse(List.of());
    }

    @Override
    public final Set<String> needs(ListedOnEntry<T> desired) {
        return withBridge(desired);
    }

    @Override
    public final OwnedOnLink<Integer> line(O observed, ObservedState state) {
        return new OwnedOnLink<>(state.nameOf(ifindex(observed)), ifindex(observed), vid(observed));
    }

    @Override
    protected final void writeWhat(Integer vid, StringBuilder to) {
        to.append(vid);
    }

    /** The VID field: 1..4094. */
    @Override
    protected final Integer readWhat(String[] f) throws LedgerFields.BadLine {
        int vid = LedgerFields.number(f[3]);
        if (vid < 1 || vid > 4094) {
            throw new LedgerFields.BadLine("VID is not 1..4094");
        }
        return vid;
    }
}
