package io.vlinkd.daemon.resource;

import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.reconcile.Step.ObjectChange;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.daemon.state.Ownership;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The plan of one {@link ResourceType} in one planning pass: the same for every type (see there for the rules).
 * The planner makes one per type and pass, and asks it for the type's steps after the links' and for what to
 * restore when it deletes or re-creates a link.
 */
public final class ObjectPlan<K, D, O, L> {

    /** What the links' plan decided, as the objects on those links need it. */
    public interface Links {

        /** Created or deleted by the plan (new, re-created or gone): nothing observed on it is there afterwards. */
        boolean renewed(String link);

        /** Deleted or re-created by the plan: the kernel deletes what is on it (the link's inverse restores it). */
        boolean dropped(String link);
    }

    private final ResourceType<K, D, O, L> type;
    private final ObservedState observed;
    private final int protocol;
    private final Set<L> recorded;

    /** @param protocol {@code settings.route-protocol}: vlinkd's mark */
    public ObjectPlan(ResourceType<K, D, O, L> type, ObservedState observed, Ownership owned, int protocol) {
        this.type = type;
        this.observed = observed;
        this.protocol = protocol;
        this.recorded = type.recorded(owned);
    }

    /** vlinkd's own object: its mark and a ledger line together, never the mark alone. */
    public boolean ours(O o) {
        return type.marked(o, protocol) && recorded.contains(type.line(type.observedKey(o)));
    }

    /**
     * The type's steps: adds and in-place replaces for the config's objects (a note for someone else's object at a
     * key the config wants), deletes of vlinkd's objects the config no longer lists, except those the kernel
     * drops with their link.
     */
    public void plan(DesiredState desired, Links links, List<Step> steps, List<String> notes) {
        Map<K, List<O>> have = new HashMap<>();
        for (O o : type.observed(observed)) {
            have.computeIfAbsent(type.observedKey(o), k -> new ArrayList<>()).add(o);
        }
        Set<K> wanted = new HashSet<>();
        for (D d : type.desired(desired)) {
            K key = type.key(d);
            wanted.add(key);
            SourceLocation where = type.where(d);
            boolean renewed = type.needs(d).stream().anyMatch(links::renewed);
            List<O> same = renewed ? List.of() : have.getOrDefault(key, List.of());
            if (same.isEmpty()) {
                steps.add(ObjectChange.add(type.object(d, protocol), where));
                continue;
            }
            O current = same.get(0);
            if (type.matches(d, current, observed)) {
                continue;
            }
            if (ours(current)) {
                // The same key: the kernel replaces it in place.
                steps.add(ObjectChange.replace(type.object(d, protocol), type.observedObject(current, observed),
                        where));
            } else {
                notes.add(where + ": " + type.object(d, protocol).noun() + ": " + type.differentOne(key, current)
                        + ", not installed by vlinkd; left alone");
            }
        }
        for (O o : type.observed(observed)) {
            if (!ours(o) || wanted.contains(type.observedKey(o))) {
                continue;
            }
            String link = observed.nameOf(type.ifindex(o));
            if (link != null && links.dropped(link)) {
                continue; // the kernel drops it with the link; the link's inverse restores it
            }
            steps.add(ObjectChange.delete(type.observedObject(o, observed), null));
        }
    }

    /**
     * Adds to {@code out} the steps that put back, as observed, the objects the kernel deletes with the links of
     * {@code indexes} (a deleted link's inverse).
     */
    public void restore(Set<Integer> indexes, List<Step> out) {
        for (O o : type.observed(observed)) {
            if (!type.kernels(o) && indexes.contains(type.ifindex(o))) {
                out.add(ObjectChange.add(type.observedObject(o, observed), null));
            }
        }
    }

    /**
     * Adds to {@code out} the steps that put back someone else's objects on the link of {@code index} after it is
     * re-created (vlinkd's own come back from the config, as the link is renewed).
     */
    public void restoreForeign(int index, List<Step> out) {
        for (O o : type.observed(observed)) {
            if (!type.kernels(o) && !ours(o) && type.ifindex(o) == index) {
                out.add(ObjectChange.add(type.observedObject(o, observed), null));
            }
        }
    }
}
