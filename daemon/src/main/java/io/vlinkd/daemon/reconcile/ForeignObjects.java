package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.ManagedType;
import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.state.Ownership;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the {@link ForeignObject}s of one observation: on each interface the config defines, the links attached to
 * it (ports, links stacked on it), its addresses and the routes through it that are neither named by the config nor
 * created by vlinkd. Pure: desired state, observed state and ownership in, a sorted list out.
 *
 * <p>Not foreign: the configured links and their companions (a veth's peer), the links vlinkd owns (by name and
 * ifindex), {@code state: absent} entries (the config names them), the IPv6 link-local addresses the kernel makes
 * itself, the kernel's own routes (prefix routes, the local table, router advertisements), vlinkd's routes (its
 * protocol and a ledger record together: a route that only carries the number is listed), vlinkd's addresses, and
 * routes to a destination the config lists. Each type of {@link ResourceTypes#MANAGED} finds its own
 * ({@link ManagedType#findForeign}): the links, and the objects of every {@link ResourceType} the same way (the type
 * says how one is reported: {@link ResourceType#foreign}).
 */
public final class ForeignObjects {
    private ForeignObjects() {
    }

    /** @param protocol vlinkd's route protocol ({@link Planner#VLINKD_PROTOCOL} unless configured otherwise) */
    public static List<ForeignObject> find(DesiredState desired, ObservedState observed, Ownership owned,
                                           int protocol) {
        Map<Integer, DesiredLink> configured = new HashMap<>();
        for (DesiredLink d : desired.links()) {
            observed.link(d.name()).ifPresent(l -> configured.put(l.index(), d));
        }
        List<ForeignObject> out = new ArrayList<>();
        // Per interface: each type's objects in the order of ResourceTypes.MANAGED (links first).
        List<String> order = new ArrayList<>();
        for (ManagedType t : ResourceTypes.MANAGED) {
            t.findForeign(desired, observed, owned, protocol, configured, out);
            order.add(t.noun());
        }
        out.sort(Comparator.comparing(ForeignObject::iface).thenComparing(o -> order.indexOf(o.type()))
                .thenComparing(ForeignObject::object).thenComparing(ForeignObject::detail));
        return out;
    }
}
