package io.vlinkd.daemon.reconcile;

import java.io.IOException;
import java.util.List;

/**
 * The steps an apply kept, grouped by wave, with the way back: {@link #rollback()} runs their inverses (last wave
 * first) and verifies nothing is left of them; for {@code vlinkctl apply --confirm-timeout} without confirmation.
 */
public final class AppliedChange {
    private final List<List<Step>> waves;
    private final Reconciler reconciler;

    AppliedChange(List<List<Step>> waves, Reconciler reconciler) {
        this.waves = waves.stream().map(List::copyOf).toList();
        this.reconciler = reconciler;
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
