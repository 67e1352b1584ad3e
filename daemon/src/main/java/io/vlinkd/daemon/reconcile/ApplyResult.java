package io.vlinkd.daemon.reconcile;

import java.util.ArrayList;
import java.util.List;

/**
 * What an apply did: its outcome, the plan, the steps that were applied and kept, the errors (with the kernel's
 * message and the config location), and the change handle whose {@link AppliedChange#rollback()} undoes the kept
 * steps (a {@code --confirm-timeout} that expired).
 */
public record ApplyResult(Outcome outcome, Plan plan, List<Step> kept, List<StepError> errors, AppliedChange change) {

    public enum Outcome {
        /** Nothing to do: no request was sent. */
        UNCHANGED,
        /** Every step applied and verified. */
        APPLIED,
        /** {@code on-error: isolate}: failed branches were reverted, the others applied and verified. */
        PARTIAL,
        /** A step or the verification failed; every applied step was reverted and the revert verified. */
        ROLLED_BACK,
        /** The revert itself failed or did not restore the state before: see the errors. */
        REVERT_FAILED,
        /** The plan had problems (a cycle, a foreign interface in the way): nothing was sent. */
        REFUSED
    }

    public ApplyResult {
        kept = List.copyOf(kept);
        errors = List.copyOf(errors);
    }

    public boolean succeeded() {
        return outcome == Outcome.UNCHANGED || outcome == Outcome.APPLIED;
    }

    /**
     * The outcome in one line for the journal, STATUS= and the reply: it counts the errors and never quotes them,
     * since the reconciler logged each one, with its interface, operation, config location and the kernel's
     * message, when it happened ({@code apply failed: 1 error; every step reverted}).
     */
    public String summary() {
        String failed = "apply failed: " + count(errors.size(), "error");
        return switch (outcome) {
            case UNCHANGED -> "nothing to change: the kernel matches the config";
            case APPLIED -> "applied and verified " + count(kept.size(), "step");
            case PARTIAL -> "partially applied (on-error: isolate): " + count(errors.size(), "error")
                    + "; the failed branches reverted, " + count(kept.size(), "step") + " kept";
            case ROLLED_BACK -> failed + "; every step reverted";
            case REVERT_FAILED -> failed + "; REVERT INCOMPLETE: the kernel may be half-changed";
            case REFUSED -> "plan refused: " + count(errors.size(), "problem") + "; nothing sent";
        };
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** The steps that undo this apply, in order. */
    public List<Step> revertPlan() {
        List<Step> out = new ArrayList<>();
        for (int i = kept.size() - 1; i >= 0; i--) {
            out.addAll(kept.get(i).inverse());
        }
        return out;
    }
}
