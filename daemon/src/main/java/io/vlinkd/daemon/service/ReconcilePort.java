package io.vlinkd.daemon.service;

import io.vlinkd.config.DesiredState;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Planning and applying: the reconciler as the daemon and {@code vlinkctl plan|apply} see it. */
public interface ReconcilePort {

    /** How {@code plan} renders steps. */
    enum PlanFormat {
        /** each step as the equivalent {@code ip} command */
        IP,
        /** each step's request bytes, annotated by attribute name */
        NETLINK
    }

    /**
     * The steps that would make the kernel match {@code state}, rendered; empty when nothing is to be done.
     *
     * @param netns a named network namespace ({@code ip netns}), or null for the daemon's own
     */
    PlanView plan(DesiredState state, String netns, PlanFormat format) throws BackendUnavailableException;

    /**
     * What a repair of the running config would do now ({@code drift: report}), as {@code ip} commands. The backend
     * also hands this observation to its foreign-object report, as it does after an apply.
     */
    default PlanView check(DesiredState running) throws BackendUnavailableException {
        return plan(running, null, PlanFormat.IP);
    }

    /**
     * The next reconcile compares with a fresh read of the whole kernel state rather than with the view kept current
     * from notifications: an operator's reload, and the periodic re-read, must see what the kernel changed without
     * announcing it (an option of a link that is down). A port that keeps no such view reads afresh every time and
     * has nothing to do here.
     */
    default void rereadKernel() {
    }

    /**
     * A rendered plan.
     *
     * @param steps    the rendered steps; empty when the kernel already matches
     * @param problems why the plan cannot be applied (a cycle, a foreign interface in the way); empty when it can
     */
    record PlanView(List<String> steps, List<String> problems) {
        public PlanView {
            steps = List.copyOf(steps);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Plan, apply, verify; on failure the kernel has already been put back as it was.
     *
     * @param netns a named network namespace ({@code ip netns}), or null for the daemon's own
     */
    Applied apply(DesiredState state, String netns) throws BackendUnavailableException;

    /**
     * Repairs drift of the running config in the daemon's own namespace that concerned the interfaces {@code links}
     * (and what they depend on or what depends on them); nothing else need be planned. A port that cannot scope a
     * repair applies the whole config, which repairs that drift too.
     */
    default Applied repair(DesiredState running, java.util.Set<String> links) throws BackendUnavailableException {
        return apply(running, null);
    }

    /**
     * For an apply without the daemon ({@code vlinkctl apply --once}): holds the state directory as a running
     * daemon does, so that the two never write one ledger and undo each other's interfaces. Without a state
     * directory there is nothing to hold.
     *
     * @throws IOException naming the directory and the process holding it
     */
    default Closeable holdStateDirectory() throws IOException {
        return () -> { };
    }

    /**
     * The outcome of one apply.
     *
     * @param ok       true when every step was applied and verified
     * @param summary  one line for the journal and STATUS= that counts ({@code applied and verified 3 steps},
     *                 {@code apply failed: 1 error; every step reverted}); the errors themselves are in events
     * @param events   one line per step done or failed, with interface, operation, config location, kernel message
     * @param rollback undoes this apply later (for {@code apply --confirm-timeout}); empty when nothing changed
     *                 or the apply failed (then it was already reverted)
     */
    record Applied(boolean ok, String summary, List<Event> events, Optional<Rollback> rollback) {
        public Applied {
            events = List.copyOf(events);
        }
    }

    /**
     * One step done or failed, as one log line. The reconciler has already logged it when it happened: callers put
     * it in a reply or on a terminal, never in the log again.
     *
     * @param ifname the interface it concerns, or null (a route without a device)
     * @param line   interface, operation, config location and, on errors, the kernel's message
     */
    record Event(String ifname, String line, boolean error) {
    }

    /** Puts the kernel back to how it was before an apply. */
    interface Rollback {
        /** @return one line saying what was undone, or the failure */
        String rollback();
    }
}
