package io.vlinkd.daemon.resource;

import java.util.List;

/**
 * A type of object vlinkd manages: links ({@link io.vlinkd.daemon.resource.link.LinkType}) and every
 * {@link ResourceType} (addresses, routes). {@link ResourceTypes#MANAGED} lists them in the order the planner plans
 * them.
 */
public interface ManagedType {

    /** The rtnetlink multicast groups whose notifications report this type's objects. */
    List<Integer> eventGroups();

    /** A new planner of this type, for one {@link io.vlinkd.daemon.reconcile.Planner}. */
    TypePlanner planner();
}
