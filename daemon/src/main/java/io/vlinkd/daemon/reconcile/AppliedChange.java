package io.vlinkd.daemon.reconcile;

import io.vlinkd.daemon.state.Ownership;
import java.io.IOException;
import java.util.List;

/**
 * The steps an apply kept, grouped by wave, with the way back: {@link #rollback()} runs their inverses (last wave
 * first) and verifies nothing is left of them; for {@code vlinkctl apply --confirm-timeout} without confirmation.
 * A change across several namespaces ({@link NamespacedReconciler}) is one handle over each namespace's change.
 */
public final class AppliedChange {
    private final List<List<Step>> waves;
    private final Ownership ownedBefore;
    private final Undo undo;

    /** How a change across namespaces is undone. */
    @FunctionalInterface
    interface Undo {
        List<StepError> run() throws KernelException, IOException;
    }

    AppliedChange(List<List<Step>> waves, Ownership ownedBefore, Reconciler reconciler) {
        this.waves = waves.stream().map(List::copyOf).toList();
        this.ownedBefore = ownedBefore;
        this.undo = () -> reconciler.rollback(this);
    }

    private AppliedChange(List<List<Step>> waves, Undo undo) {
        this.waves = waves.stream().map(List::copyOf).toList();
        this.ownedBefore = Ownership.none();
        this.undo = undo;
    }

    /** A change whose {@link #rollback()} is {@code undo} (the changes of several namespaces, last one first). */
    static AppliedChange composite(List<List<Step>> waves, Undo undo) {
        return new AppliedChange(waves, undo);
    }

    /** The same change, undone through {@code other} (a fresh port into the same namespace). */
    AppliedChange through(Reconciler other) {
        return new AppliedChange(waves, ownedBefore, other);
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
        return undo.run();
    }
}
