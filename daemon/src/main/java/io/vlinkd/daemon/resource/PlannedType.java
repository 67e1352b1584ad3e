package io.vlinkd.daemon.resource;

/**
 * A type of object vlinkd plans: links ({@link io.vlinkd.daemon.resource.link.LinkType}) and every
 * {@link ResourceType} (addresses, routes). {@link ResourceTypes#PLANNED} lists them in the order the planner asks
 * them.
 */
public interface PlannedType {

    /** A new planner of this type, for one {@link io.vlinkd.daemon.reconcile.Planner}. */
    TypePlanner planner();
}
