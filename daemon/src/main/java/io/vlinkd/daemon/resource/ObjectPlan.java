package io.vlinkd.daemon.resource;

import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.reconcile.Step.ObjectChange;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.daemon.state.Ownership;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan of one {@link ResourceType} in one planning pass: the same for every type (see there for the rules).
 * Every resource type's {@link ResourceType#planner} makes one per pass; it plans the type's steps knowing what the
 * links' plan decided, and says what to restore when that plan deletes or re-creates a link.
 */
public final class ObjectPlan<K, D, O, L> implements TypePlan {

    private final ResourceType<K, D, O, L> type;
    private final DesiredState desired;
    private final ObservedState observed;
    private final int protocol;
    private final Set<L> recorded;
    private final Map<K, D> listed = new LinkedHashMap<>();
    /** Someone else's objects at a listed key put back on a re-created link by {@link #restoreKept}. */
    private final Map<K, O> keptForeign = new HashMap<>();

    /** @param protocol {@code settings.route-protocol}: vlinkd's mark */
    public ObjectPlan(ResourceType<K, D, O, L> type, DesiredState desired, ObservedState observed, Ownership owned,
                      int protocol) {
        this.type = type;
        this.desired = desired;
        this.observed = observed;
        this.protocol = protocol;
        this.recorded = type.recorded(owned);
        for (D d : type.desired(desired)) {
            listed.putIfAbsent(type.key(d), d);
        }
    }

    /** vlinkd's own object, as its type decides from the ledger and the mark. */
    public boolean ours(O o) {
        return type.ours(o, recorded.contains(type.line(o, observed)), protocol);
    }

    /**
     * The type's steps: adds and in-place replaces for the config's objects (a note for someone else's object at a
     * key the config wants), deletes of the objects at keys the config does not list that the type deletes
     * (vlinkd's own, at least), except those the kernel drops with their link. Decides nothing about links:
     * returns {@code links}.
     */
    @Override
    public Links plan(Links links, List<Step> steps, List<String> notes) {
        // Keyed only when the config lists objects of this type: a repair over thousands of links without any
        // (bridges with their kernel routes) keys nothing.
        Map<K, List<O>> have = new HashMap<>();
        if (!listed.isEmpty()) {
            for (O o : type.observed(observed)) {
                have.computeIfAbsent(type.observedKey(o, observed), k -> new ArrayList<>()).add(o);
            }
        }
        for (D d : type.desired(desired)) {
            K key = type.key(d);
            SourceLocation where = type.where(d);
            Set<String> needs = type.needs(d);
            if (needs.stream().anyMatch(links::awaited)) {
                continue;
            }
            boolean renewed = needs.stream().anyMatch(links::renewed);
            List<O> same = renewed ? List.of() : have.getOrDefault(key, List.of());
            if (type.writesOverKernels()) {
                same = same.stream().filter(o -> !type.kernels(o)).toList();
            }
            if (renewed && keptForeign.containsKey(key)) {
                same = List.of(keptForeign.get(key));
            }
            if (same.isEmpty()) {
                steps.add(ObjectChange.add(type.object(d, protocol), where));
                continue;
            }
            O current = same.get(0);
            if (type.matches(d, current, observed)) {
                continue;
            }
            if (!ours(current)) {
                notes.add(where + ": " + type.object(d, protocol).noun() + ": " + type.differentOne(key, current)
                        + ", not installed by vlinkd; left alone");
            } else if (type.replacesInPlace(d, current)) {
                // The same key: the kernel replaces it in place.
                steps.add(ObjectChange.replace(type.object(d, protocol), type.observedObject(current, observed),
                        where));
            } else {
                steps.add(ObjectChange.delete(type.observedObject(current, observed), where));
                steps.add(ObjectChange.add(type.object(d, protocol), where));
            }
        }
        for (O o : type.observed(observed)) {
            if (type.kernels(o) || !listed.isEmpty() && listed.containsKey(type.observedKey(o, observed))
                    || !type.deletesUnlisted(o, ours(o), desired, observed)) {
                continue;
            }
            String link = observed.nameOf(type.ifindex(o));
            if (link != null && links.dropped(link)) {
                continue; // the kernel drops it with the link; the link's inverse restores it
            }
            steps.add(ObjectChange.delete(type.observedObject(o, observed), null));
        }
        return links;
    }

    /**
     * Adds to {@code out} the steps that put back, as observed, the objects the kernel deletes with the links of
     * {@code indexes} (a deleted link's inverse).
     */
    @Override
    public void restore(Set<Integer> indexes, List<Step> out) {
        for (O o : type.observed(observed)) {
            if (!type.kernels(o) && indexes.contains(type.ifindex(o))) {
                out.add(ObjectChange.add(type.observedObject(o, observed), null));
            }
        }
    }

    /**
     * Adds to {@code out} the steps that put back, after the link of {@code index} is re-created, the objects on it
     * that stay: someone else's (one at a key the config lists is still left alone, with a note, by {@link #plan}),
     * and vlinkd's own that the config does not list and the type keeps (still vlinkd's: they carry {@code where},
     * the link's entry). vlinkd's listed objects come back from the config. Called before {@link #plan}.
     */
    @Override
    public void restoreKept(int index, SourceLocation where, List<Step> out) {
        for (O o : type.observed(observed)) {
            if (type.kernels(o) || type.ifindex(o) != index) {
                continue;
            }
            K key = type.observedKey(o, observed);
            boolean ours = ours(o);
            if (listed.containsKey(key)) {
                if (!ours) {
                    out.add(ObjectChange.add(type.observedObject(o, observed), null));
                    keptForeign.put(key, o);
                }
            } else if (!type.deletesUnlisted(o, ours, desired, observed)) {
                out.add(ObjectChange.add(type.observedObject(o, observed), ours ? where : null));
            }
        }
    }
}
