package io.vlinkd.daemon.resource;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.state.LedgerFields;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A type of object vlinkd manages in the kernel on links, keyed as the kernel keys it, added, replaced in place and
 * deleted whole: addresses ({@link io.vlinkd.daemon.resource.address.AddressType}), routes
 * ({@link io.vlinkd.daemon.resource.route.RouteType}), permanent and proxy neighbour entries
 * ({@link io.vlinkd.daemon.resource.neighbour.NeighbourType},
 * {@link io.vlinkd.daemon.resource.neighbour.ProxyNeighbourType}), FDB entries
 * ({@link io.vlinkd.daemon.resource.fdb.FdbType}), MDB entries ({@link io.vlinkd.daemon.resource.mdb.MdbType}),
 * bridge VLANs ({@link io.vlinkd.daemon.resource.vlan.BridgeVlanType}) and their tunnel mappings
 * ({@link io.vlinkd.daemon.resource.vlan.VlanTunnelType}), the last six sharing {@link EntryListType}, policy rules
 * ({@link io.vlinkd.daemon.resource.rule.RuleType}) and nexthops ({@link io.vlinkd.daemon.resource.nexthop.NexthopType});
 * qdiscs next.
 * Links themselves are a {@link ManagedType} of their own ({@link io.vlinkd.daemon.resource.link.LinkType}).
 *
 * <p>A type says what its objects are and whose they are; {@link ObjectPlan} does the rest, the same for every type
 * (it is every resource type's {@link #planner}): it pairs desired and observed objects by key, adds what is missing
 * (everything on a link the plan creates; nothing on a configured interface that does not exist yet), replaces in
 * place what is vlinkd's and differs (or deletes and adds it where the kernel cannot replace), notes (and leaves
 * alone) someone else's object at a key the config wants, deletes the unlisted objects the type deletes, and
 * restores the objects the kernel drops with a link that the plan deletes or re-creates. The steps are
 * {@link io.vlinkd.daemon.reconcile.Step.ObjectChange}s over the type's {@link KernelObject}, so their inverses,
 * phases, {@code ip} commands and ledger updates come from that object. The planner, the foreign report and the
 * event subscriptions ask every type of {@link ResourceTypes#MANAGED}; the ownership claims, the revert and the drift
 * watcher ask every type in {@link ResourceTypes#ALL}: none of them names a type.
 *
 * <p>Ownership: what the ledger records, with the type's mark where the type asks for it (a route's protocol: the
 * number alone never makes a route vlinkd's, since someone else may use it); what the type claims beyond the ledger
 * (an object with the mark that is exactly as configured; an address with the mark on a link vlinkd owns) is
 * recorded, so a lost ledger heals; a recorded object the kernel no longer has is forgotten. The type writes and
 * reads its own ledger lines ({@link #ledgerWord}, {@link #ledgerFields}, {@link #writeLine}, {@link #readLine});
 * {@link Ownership} keeps them by type and {@link io.vlinkd.daemon.state.OwnershipStore} files them, after the
 * links, in the order of {@link ResourceTypes#IN_LEDGER}.
 *
 * <p>To add a type (a rule, say): a package {@code io.vlinkd.daemon.resource.rule} with its {@code ResourceType}
 * (dump, decoding, events, ownership and its ledger line among its methods), its {@link KernelObject} (requests,
 * {@code ip} words, phases, ledger updates), its key, its listed, observed and ledger line records, beside a test
 * like {@code NeighbourTypeTest}. Outside the package: its entry in {@link ResourceTypes#ALL}; its two phases in
 * {@link io.vlinkd.daemon.reconcile.Phase}; its requests and messages in the netlink module
 * ({@code io.vlinkd.netlink.route}); for a list on an interface entry, its {@code EntrySection} in the config
 * module and that section's line in {@code EntrySections.ALL} (the loader, the schema and the docs ask the
 * sections; a top-level list such as {@code routes:} is read by the loader itself); the fake kernel's support (test
 * sources). Neighbour, proxy neighbour, FDB and MDB entries, bridge VLANs and VLAN tunnel mappings were added so.
 *
 * @param <K> what makes two objects the same object to the kernel (a route: family, destination, table, metric):
 *            an add at an existing key fails (EEXIST), a replace changes the object at that key in place
 * @param <D> one configured object, with where the config wrote it
 * @param <O> one object as observed (dumped)
 * @param <L> how the ownership ledger records one of vlinkd's objects (one line of the ledger file, after the
 *            type's word)
 */
public interface ResourceType<K, D, O, L> extends ManagedType {

    /** The generic {@link ObjectPlan} of this type, marking with {@code settings.route-protocol}. */
    @Override
    default TypePlanner planner() {
        return (desired, observed, owned, later) -> new ObjectPlan<>(this, desired, observed, owned,
                desired.settings().routeProtocol());
    }

    /** The request that dumps every object of this type. */
    NlRequest dumpRequest();

    /**
     * Whether the kernel announces every change of this type's objects, so that the event-fed view keeps them from
     * notifications (addresses). When not, the view dumps them again after any notification that may have changed
     * one silently (routes: IPv4 routes are flushed without a notification when their link goes down, loses an
     * address or is deleted).
     */
    boolean announcedExactly();

    /**
     * Whether {@code message}, a link's notification, may report a change of this type's objects (a bridge port's
     * VLANs: an RTM_NEWLINK of family AF_BRIDGE with the port's whole list): a type not {@link #announcedExactly}
     * is dumped again after one. A link's notifications go to the links otherwise.
     */
    default boolean inLinkNotification(NlMessage message) {
        return false;
    }

    /**
     * What tells one observed object from another among notifications: a notification of the same identity replaces
     * or deletes it (an address: its link, local address, prefix length and peer).
     */
    Object identity(O observed);

    /**
     * The object a dumped or notified message describes (its new or deleted form); empty when the message is not
     * one of this type's, or of a family vlinkd does not manage.
     */
    Optional<O> decode(NlMessage message) throws MalformedMessageException;

    /**
     * Every object a dumped message describes: one, as {@link #decode} reads it, unless the type's dump puts several
     * in one message (a bridge's multicast database).
     */
    default List<O> decodeAll(NlMessage message) throws MalformedMessageException {
        return decode(message).map(List::of).orElse(List.of());
    }

    /** The configured objects of this type, in the config's order (the order of their steps). */
    List<D> desired(DesiredState desired);

    K key(D desired);

    SourceLocation where(D desired);

    /**
     * The interfaces {@code desired} is on or goes through (a route's dev). When the plan creates or deletes one
     * of them, what was observed on it is gone: the object is added anew.
     */
    Set<String> needs(D desired);

    /** What vlinkd writes for {@code desired}, marked with vlinkd's {@code protocol}. */
    KernelObject object(D desired, int protocol);

    /** The observed objects of this type, in the kernel's dump order. */
    default List<O> observed(ObservedState observed) {
        return observed.objects(this);
    }

    /** The key of an observed object ({@code state} names the interface of an object keyed by it). */
    K observedKey(O observed, ObservedState state);

    /**
     * How {@code observed} reads in a snapshot of the state ({@link ObservedState#snapshot}): every setting that
     * a rolled-back apply must have put back, with interface names instead of indexes.
     */
    String snapshotLine(O observed, ObservedState state);

    /** The interface the object is on (a route's RTA_OIF), 0 when none: the kernel deletes it with that link. */
    int ifindex(O observed);

    /** Installed by the kernel itself (a prefix route, the local table): never restored and never vlinkd's. */
    boolean kernels(O observed);

    /**
     * Whether a configured object takes the place of the kernel's own ({@link #kernels}) at its key: a permanent
     * neighbour entry over the one ARP learned. Its add then replaces (NLM_F_REPLACE), and the kernel's object is
     * as good as absent; otherwise a kernel's object at a configured key is left alone with a note.
     */
    default boolean writesOverKernels() {
        return false;
    }

    /** True when {@code have} is {@code want} in every key the config sets: nothing to write. */
    boolean matches(D want, O have, ObservedState observed);

    /**
     * Whether vlinkd's {@code have}, which differs from {@code want} at the same key, is changed in place
     * (NLM_F_REPLACE); otherwise it is deleted and {@code want} added.
     */
    default boolean replacesInPlace(D want, O have) {
        return true;
    }

    /**
     * {@code have} as observed, with the mark it was observed with: what a delete removes, what the revert of a
     * replace puts back, what is restored after its link is re-created.
     */
    KernelObject observedObject(O have, ObservedState observed);

    /**
     * Why {@code have}, someone else's, is left alone at {@code key} where the config wants another object, in the
     * words of a plan note: {@code a different route to 10.9.0.0/16 table 254 metric 0 exists (proto 247)}.
     */
    String differentOne(K key, O have);

    /**
     * {@code have}, someone else's object on {@code on}, an interface the config defines, as {@code settings.foreign:
     * report} lists it; empty when the config names it all the same (a route to a destination the config lists:
     * the plan notes the difference instead).
     */
    Optional<ForeignObject> foreign(O have, String on, DesiredState desired);

    /**
     * The observed objects on a configured interface that are neither the kernel's nor vlinkd's, each as
     * {@link #foreign} reports it.
     */
    @Override
    default void findForeign(DesiredState desired, ObservedState state, Ownership owned, int protocol,
                             Map<Integer, DesiredLink> configured, List<ForeignObject> out) {
        ObjectPlan<K, D, O, L> plan = new ObjectPlan<>(this, desired, state, owned, protocol);
        for (O o : observed(state)) {
            DesiredLink d = configured.get(ifindex(o));
            if (d == null || kernels(o) || plan.ours(o)) {
                continue;
            }
            foreign(o, d.name(), desired).ifPresent(out::add);
        }
    }

    /** Whether {@code observed} carries vlinkd's mark, {@code protocol} ({@code settings.route-protocol}). */
    boolean marked(O observed, int protocol);

    /**
     * Whether the kernel keeps vlinkd's mark on this type's objects; when not (FDB entries), the ledger alone says
     * which are vlinkd's, and any change of one that is not the kernel's own on a configured interface can be drift.
     */
    default boolean hasMark() {
        return true;
    }

    /**
     * Whether this type's objects are managed per interface the config names (an address: an entry lists them, an
     * exclusive one removes the others): any change to one there can be drift, and one elsewhere is not vlinkd's.
     * When not (a route), a change can be drift when the object carries vlinkd's mark; a change on a configured
     * interface matters then only to {@code settings.foreign: report}.
     */
    boolean managedOnItsLink();

    /** How a drift report names an object of this type on {@code dev}: {@code address on br0}. */
    String on(String dev);

    /**
     * Whether {@code observed} is vlinkd's, given whether the ledger records it ({@code recorded}) and vlinkd's mark
     * ({@code protocol}, {@code settings.route-protocol}).
     */
    boolean ours(O observed, boolean recorded, int protocol);

    /**
     * Whether {@code observed}, not recorded, becomes vlinkd's (is recorded from now on): {@code listed} is the
     * configured object at its key, null when none; {@code owned} the links vlinkd owns. This is how ownership
     * heals after a lost ledger.
     */
    boolean claims(O observed, D listed, ObservedState state, Ownership owned, int protocol);

    /**
     * Whether vlinkd deletes {@code have}, at a key the config does not list; {@code ours} says whether it is
     * vlinkd's.
     */
    boolean deletesUnlisted(O have, boolean ours, DesiredState desired, ObservedState observed);

    /** The ledger line of {@code observed}, vlinkd's. */
    L line(O observed, ObservedState state);

    /** The ledger lines of this type in {@code owned}. */
    default Set<L> recorded(Ownership owned) {
        return owned.lines(this);
    }

    /** {@code owned} with exactly {@code lines} as this type's lines, in that order. */
    default Ownership withRecorded(Ownership owned, Collection<L> lines) {
        return owned.withLines(this, lines);
    }

    /**
     * The word that begins this type's lines in the ownership ledger file ({@code route}); one type's alone, and
     * neither {@code link} nor {@code intent}.
     */
    String ledgerWord();

    /**
     * The fields of its ledger line after the word, as the file's header and a damage report name them, separated
     * by single spaces: {@code DST/LEN TABLE METRIC}. A line has exactly as many fields (and may end in
     * {@code netns=NS}, which the store reads).
     */
    String ledgerFields();

    /** Appends the fields of {@code line} (those {@link #ledgerFields} names, separated by spaces) to {@code to}. */
    void writeLine(L line, StringBuilder to);

    /**
     * The line whose fields {@link #writeLine} wrote: {@code f[1]} up to the number of {@link #ledgerFields}
     * ({@code f[0]} is the word; the store has checked their number). Called for every line of the type at every
     * load of a changed file, so it is kept cheap.
     *
     * @throws LedgerFields.BadLine what is wrong with a field, in the words of a damage report:
     *                              {@code TABLE is not a positive number}
     */
    L readLine(String[] f) throws LedgerFields.BadLine;

    /**
     * What of this type stays vlinkd's once its ledger lines are lost (what {@link #claims} takes back), in the
     * words of the damaged ledger's log line: {@code routes with its protocol exactly as configured}.
     */
    String claimedWithoutLedger();
}
