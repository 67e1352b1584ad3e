package io.vlinkd.daemon.reconcile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Remembers which foreign objects were reported, so each is reported once: when first seen, and again only after
 * an observation without it (it disappeared and came back). Thread-safe: observations come from the daemon's loop
 * and the drift watcher, {@link #current} from {@code vlinkctl status}.
 */
public final class ForeignTracker {
    private Set<ForeignObject> seen = Set.of();

    /** Takes one observation's foreign objects; returns those the previous observation did not have. */
    public synchronized List<ForeignObject> update(List<ForeignObject> now) {
        List<ForeignObject> appeared = new ArrayList<>();
        for (ForeignObject f : now) {
            if (!seen.contains(f)) {
                appeared.add(f);
            }
        }
        seen = new LinkedHashSet<>(now);
        return appeared;
    }

    /** The foreign objects of the last observation. */
    public synchronized List<ForeignObject> current() {
        return List.copyOf(seen);
    }

    /** Forgets everything ({@code foreign: ignore}): a later {@code report} reports everything again. */
    public synchronized void clear() {
        seen = Set.of();
    }
}
