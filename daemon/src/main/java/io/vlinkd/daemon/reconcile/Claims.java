package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.state.Ownership;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which objects of each {@link ResourceType} (addresses, routes) are vlinkd's beyond what the ledger records, and
 * which recorded ones still exist: the type says what it claims ({@link ResourceType#claims}). An address with
 * vlinkd's mark on a link vlinkd owns, or listed by the config and already on its interface, is claimed; a route with
 * vlinkd's mark that is exactly as the config lists it likewise (the protocol alone never makes a route vlinkd's).
 * Recorded objects that are gone from the kernel (deleted with their link, or by someone else), or no longer carry
 * what makes them vlinkd's, are no longer recorded.
 */
final class Claims {
    private Claims() {
    }

    /** {@code owned} with the claims above, and without what no longer exists in {@code observed}. */
    static Ownership claim(DesiredState desired, ObservedState observed, Ownership owned) {
        int protocol = desired.settings().routeProtocol();
        Ownership present = present(owned, observed, protocol);
        Ownership out = present;
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            out = claim(t, desired, observed, present, out, protocol);
        }
        return out;
    }

    /**
     * {@code into} with the lines of {@code type} in {@code present}, and those of the observed objects the type
     * claims.
     */
    private static <K, D, O, L> Ownership claim(ResourceType<K, D, O, L> type, DesiredState desired,
                                                ObservedState observed, Ownership present, Ownership into,
                                                int protocol) {
        Set<L> lines = new LinkedHashSet<>(type.recorded(present));
        Map<K, D> listed = new HashMap<>();
        for (D d : type.desired(desired)) {
            listed.putIfAbsent(type.key(d), d);
        }
        for (O o : type.observed(observed)) {
            D want = listed.isEmpty() ? null : listed.get(type.observedKey(o, observed));
            if (type.claims(o, want, observed, present, protocol)) {
                lines.add(type.line(o, observed));
            }
        }
        return type.withRecorded(into, lines);
    }

    /** {@code owned} without the objects that {@code observed} no longer has as vlinkd's. */
    static Ownership present(Ownership owned, ObservedState observed, int protocol) {
        Ownership out = owned;
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            out = present(t, out, observed, protocol);
        }
        return out;
    }

    /** {@code owned} without the lines of {@code type} whose object is not observed as one of vlinkd's. */
    private static <K, D, O, L> Ownership present(ResourceType<K, D, O, L> type, Ownership owned,
                                                  ObservedState observed, int protocol) {
        if (type.recorded(owned).isEmpty()) {
            return owned;
        }
        Set<L> existing = new HashSet<>();
        for (O o : type.observed(observed)) {
            if (type.ours(o, true, protocol)) {
                existing.add(type.line(o, observed));
            }
        }
        return type.withRecorded(owned, type.recorded(owned).stream().filter(existing::contains).toList());
    }

    /** {@code links} with the lines of every type that {@code first} or {@code second} records (first's first). */
    static Ownership union(Ownership links, Ownership first, Ownership second) {
        Ownership out = links;
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            out = union(t, out, first, second);
        }
        return out;
    }

    private static <L> Ownership union(ResourceType<?, ?, ?, L> type, Ownership into, Ownership first,
                                       Ownership second) {
        Set<L> lines = new LinkedHashSet<>(type.recorded(first));
        lines.addAll(type.recorded(second));
        return type.withRecorded(into, lines);
    }
}
