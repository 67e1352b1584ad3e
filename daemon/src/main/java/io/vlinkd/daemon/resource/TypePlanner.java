package io.vlinkd.daemon.resource;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.state.Ownership;
import java.util.List;

/**
 * How one {@link ManagedType} is planned, for the life of one {@link io.vlinkd.daemon.reconcile.Planner}: it makes
 * the type's {@link TypePlan} of each pass, and may carry what one pass computed to the next (the links' kind
 * comparisons). Called under the planner's lock, one pass at a time.
 */
@FunctionalInterface
public interface TypePlanner {

    /**
     * The type's plan of one pass.
     *
     * @param later the plans of the types after this one in {@link ResourceTypes#MANAGED}, in that order
     */
    TypePlan pass(DesiredState desired, ObservedState observed, Ownership owned, List<TypePlan> later);
}
