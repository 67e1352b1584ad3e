package io.vlinkd.daemon.resource;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.EntrySection;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.state.LedgerFields;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A resource type whose objects an interface entry lists under one {@link EntrySection} (neighbour, FDB and MDB
 * entries, bridge VLANs), recorded in the ledger as {@code WORD LINK IFINDEX WHAT...} ({@link OwnedOnLink}). What they share:
 * an object is vlinkd's when the ledger records it and, where the type marks its objects, it carries the mark; a
 * listed object already there with the mark (if any) and as configured is claimed; vlinkd's objects that leave the
 * config are deleted, nobody else's; a change to one is drift when it is vlinkd's (not for being on a configured
 * interface). A type adds its key, decoding, requests and the fields of its ledger line.
 *
 * @param <T> one listed object, as its section reads it
 * @param <W> what identifies one of vlinkd's objects on its link in the ledger
 */
public abstract class EntryListType<K, T, O, W> implements ResourceType<K, ListedOnEntry<T>, O, OwnedOnLink<W>> {

    /**
     * What tells one such type from another beyond its methods.
     *
     * @param noun       what one object is called ({@code neighbour})
     * @param eventGroup the rtnetlink group that reports its objects
     * @param dump       the request that dumps them
     * @param hasMark    whether the kernel keeps the type's mark on its objects (NDA_PROTOCOL); otherwise the ledger
     *                   alone says what is vlinkd's
     * @param ledgerWord the word of its ledger lines ({@code neighbour})
     * @param whatFields the fields of a line after LINK IFINDEX, as a damage report names them ({@code ADDRESS})
     */
    public record Basics(String noun, int eventGroup, Supplier<NlRequest> dump, boolean hasMark,
                         String ledgerWord, String whatFields) {
    }

    private final EntrySection<T> section;
    private final Basics basics;

    protected EntryListType(EntrySection<T> section, Basics basics) {
        this.section = section;
        this.basics = basics;
    }

    @Override
    public final String noun() {
        return basics.noun();
    }

    @Override
    public final List<Integer> eventGroups() {
        return List.of(basics.eventGroup());
    }

    @Override
    public final NlRequest dumpRequest() {
        return basics.dump().get();
    }

    /**
     * The kernel announces every neighbour entry it adds, changes or removes (neigh_update_notify, also those an
     * interface going down flushes), every FDB entry of a bridge (fdb_notify: added, learned, aged out, flushed) and
     * remote of a VXLAN, every MDB entry (br_mdb_notify, also a port's when it leaves its bridge); what a deleted link
     * takes along silently (a VXLAN's remotes) goes with the link in the view. It announces no proxy entry at all:
     * the view holds those as the last full read found them (see {@code ProxyNeighbourType}); dumping them after
     * every link's change would catch the flush of a link going down sooner, at the cost of a dump per change.
     * A port's VLANs are announced as its whole list, not one by one ({@code BridgeVlanType} says otherwise).
     */
    @Override
    public boolean announcedExactly() {
        return true;
    }

    @Override
    public final boolean hasMark() {
        return basics.hasMark();
    }

    /** {@code what} as the fields {@link #ledgerFields} names after LINK IFINDEX. */
    protected abstract void writeWhat(W what, StringBuilder to);

    /** The {@code what} of a ledger line whose fields after LINK IFINDEX start at {@code f[3]}. */
    protected abstract W readWhat(String[] f) throws LedgerFields.BadLine;

    /** Whether {@code item} of the section is one of this type's (a section may feed two types). */
    protected boolean lists(T item) {
        return true;
    }

    @Override
    public final List<ListedOnEntry<T>> desired(DesiredState desired) {
        List<ListedOnEntry<T>> out = new ArrayList<>();
        for (DesiredLink d : desired.links()) {
            d.objects(section).stream().filter(this::lists).forEach(item -> out.add(new ListedOnEntry<>(d, item)));
        }
        return out;
    }

    @Override
    public final SourceLocation where(ListedOnEntry<T> desired) {
        return desired.entry().where();
    }

    /** Its interface entry's interface. */
    @Override
    public Set<String> needs(ListedOnEntry<T> desired) {
        return Set.of(desired.entry().name());
    }

    /** Its interface and, for a bridge port, the bridge: a port's object goes when the port leaves its bridge. */
    protected final Set<String> withBridge(ListedOnEntry<T> desired) {
        Set<String> needs = new HashSet<>(Set.of(desired.entry().name()));
        desired.entry().link().master().ifPresent(needs::add);
        return needs;
    }

    /** The first object of {@code message}, for a type whose dump puts several in one ({@link #decodeAll}). */
    protected final Optional<O> decodeFirst(NlMessage message) throws MalformedMessageException {
        List<O> all = decodeAll(message);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /** Never, for a type without a mark ({@link Basics#hasMark}); a type with one says what it is. */
    @Override
    public boolean marked(O observed, int protocol) {
        return false;
    }

    @Override
    public final boolean managedOnItsLink() {
        return false;
    }

    @Override
    public final String on(String dev) {
        return noun() + " on " + dev;
    }

    @Override
    public final boolean ours(O observed, boolean recorded, int protocol) {
        return recorded && (!hasMark() || marked(observed, protocol));
    }

    @Override
    public boolean claims(O observed, ListedOnEntry<T> listed, ObservedState state, Ownership owned,
                                int protocol) {
        return listed != null && (!hasMark() || marked(observed, protocol)) && matches(listed, observed, state);
    }

    @Override
    public final boolean deletesUnlisted(O have, boolean ours, DesiredState desired, ObservedState observed) {
        return ours;
    }

    @Override
    public final String ledgerWord() {
        return basics.ledgerWord();
    }

    @Override
    public final String ledgerFields() {
        return "LINK IFINDEX " + basics.whatFields();
    }

    @Override
    public final void writeLine(OwnedOnLink<W> line, StringBuilder to) {
        to.append(line.link()).append(' ').append(line.ifindex()).append(' ');
        writeWhat(line.what(), to);
    }

    @Override
    public final OwnedOnLink<W> readLine(String[] f) throws LedgerFields.BadLine {
        String bad = LedgerFields.checkName(f[1]);
        int index = LedgerFields.number(f[2]);
        if (bad == null && index <= 0) {
            bad = "ifindex is not a positive number";
        }
        if (bad != null) {
            throw new LedgerFields.BadLine(bad);
        }
        return new OwnedOnLink<>(f[1], index, readWhat(f));
    }
}
