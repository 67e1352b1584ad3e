package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.SourceLocation;

/**
 * Why a plan cannot be applied (nothing is written then): a dependency cycle, an interface of another kind that
 * vlinkd did not create... {@code where} is the config location, or null.
 */
public record PlanProblem(String link, String message, SourceLocation where) {

    @Override
    public String toString() {
        return (where == null ? "" : where + ": ") + link + ": " + message;
    }
}
