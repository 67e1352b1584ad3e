package io.vlinkd.daemon.resource;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.state.Ownership;
import java.util.List;
import java.util.Map;

/**
 * A type of object vlinkd manages: links ({@link io.vlinkd.daemon.resource.link.LinkType}) and every
 * {@link ResourceType} (addresses, routes, neighbour and FDB entries). {@link ResourceTypes#MANAGED} lists them in
 * the order the planner plans them.
 */
public interface ManagedType {

    /**
     * What one object of this type is called in a notification's description and in the foreign report:
     * {@code route}.
     */
    String noun();

    /** The rtnetlink multicast groups whose notifications report this type's objects. */
    List<Integer> eventGroups();

    /** A new planner of this type, for one {@link io.vlinkd.daemon.reconcile.Planner}. */
    TypePlanner planner();

    /**
     * Adds to {@code out} the objects of this type that are someone else's, on an interface the config defines, and
     * that the config does not name, as {@code settings.foreign: report} lists them
     * ({@link io.vlinkd.daemon.reconcile.ForeignObjects}).
     *
     * @param configured the configured links that exist, by ifindex
     * @param protocol   vlinkd's mark ({@code settings.route-protocol})
     */
    void findForeign(DesiredState desired, ObservedState state, Ownership owned, int protocol,
                     Map<Integer, DesiredLink> configured, List<ForeignObject> out);
}
