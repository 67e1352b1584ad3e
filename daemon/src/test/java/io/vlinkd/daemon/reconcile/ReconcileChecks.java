package io.vlinkd.daemon.reconcile;

import io.vlinkd.daemon.resource.link.ObservedLink;

/** What the reconciler tests ask of a plan, and of the fake kernel after an apply. */
final class ReconcileChecks {
    private ReconcileChecks() {
    }

    /** The index of the wave that holds {@code link}'s step of {@code phase}; fails, printing the plan, when none. */
    static int waveOf(Plan plan, String link, Phase phase) {
        for (int w = 0; w < plan.waves().size(); w++) {
            for (Step s : plan.waves().get(w)) {
                if (s.link().equals(link) && s.phase() == phase) {
                    return w;
                }
            }
        }
        throw new AssertionError("no " + phase + " of " + link + " in\n" + plan.toIpCommands());
    }

    /** The link {@code name} as {@code kernel} has it now; fails when there is none. */
    static ObservedLink link(FakeKernel kernel, String name) {
        return kernel.observe().link(name).orElseThrow(() -> new AssertionError("no link " + name));
    }
}
