package io.vlinkd.daemon.reconcile;

import java.util.ArrayList;
import java.util.List;

/**
 * What an apply across namespaces did: the combined result (its outcome, every kept step, every error, one change
 * handle whose rollback undoes every namespace) and each namespace's own result, own namespace first.
 */
public record NamespacedResult(ApplyResult combined, List<Part> parts) {

    /** One namespace's result (netns null: the own namespace). */
    public record Part(String netns, ApplyResult result) {

        /** Its errors, each saying in which namespace it happened. */
        public List<StepError> errors() {
            return result.errors().stream().map(this::located).toList();
        }

        StepError located(StepError e) {
            return netns == null ? e : new StepError(e.step(), "in netns " + netns + ": " + e.message(), e.cause(),
                    e.where());
        }
    }

    public NamespacedResult {
        parts = List.copyOf(parts);
    }

    /** The kept steps with their namespaces, in the order they were applied. */
    public List<NamespacedStep> kept() {
        List<NamespacedStep> out = new ArrayList<>();
        if (combined.kept().isEmpty()) {
            return out;
        }
        for (Part p : parts) {
            if (p.result().succeeded() || p.result().outcome() == ApplyResult.Outcome.PARTIAL) {
                p.result().kept().forEach(s -> out.add(new NamespacedStep(p.netns(), s)));
            }
        }
        return out;
    }
}
