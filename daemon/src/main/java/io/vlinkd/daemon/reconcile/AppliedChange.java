package io.vlinkd.daemon.reconcile;

import io.vlinkd.daemon.state.Ownership;
import java.io.IOException;
import java.util.List;

/**
 * The steps an apply kept, grouped by wave, with the way back: {@link #rollback()} runs their inverses (last wave
 * first) and verifies nothing is left of them; for {@code vlinkctl apply --confirm-timeout} without confirmation.
 */
public final class AppliedChange {
    private final List<List<Step>> waves;
    private final Ownership ownedBefore;
    private final Reconciler reconciler;

    AppliedChange(List<List<Step>> waves, Ownership ownedBefore, Reconciler reconciler) {
        this.waves = waves.stream().map(List::copyOf).toList();
        this.ownedBefore = ownedBefore;
        this.reconciler = reconciler;
    }

    /** What vlinkd owned before the apply: a rollback gives back ownership of what it re-creates only for these. */
    Ownership ownedBefore() {
        return ownedBefore;
    }

    public List<List<Step>> waves() {
        return waves;
    }

    public boolean isEmpty() {
        return waves.stream().allMatch(List::isEmpty);
    }

    /** Undoes the change; returns the steps of the revert that failed (empty when all went well). */
    public List<StepError> rollback() throws KernelException, IOException {
        return reconciler.rollback(this);
    }
}
