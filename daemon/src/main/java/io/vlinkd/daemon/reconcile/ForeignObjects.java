package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.AbsentLink;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.ObjectPlan;
import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.resource.link.KindTraits;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.state.Ownership;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the {@link ForeignObject}s of one observation: on each interface the config defines, the links attached to
 * it (ports, links stacked on it), its addresses and the routes through it that are neither named by the config nor
 * created by vlinkd. Pure: desired state, observed state and ownership in, a sorted list out.
 *
 * <p>Not foreign: the configured links and their companions (a veth's peer), the links vlinkd owns (by name and
 * ifindex), {@code state: absent} entries (the config names them), the IPv6 link-local addresses the kernel makes
 * itself, the kernel's own routes (prefix routes, the local table, router advertisements), vlinkd's routes (its
 * protocol and a ledger record together: a route that only carries the number is listed), vlinkd's addresses, and
 * routes to a destination the config lists. The objects of every {@link ResourceType} are found the same way; the
 * type says how one is reported ({@link ResourceType#foreign}).
 */
public final class ForeignObjects {
    private ForeignObjects() {
    }

    /** @param protocol vlinkd's route protocol ({@link Planner#VLINKD_PROTOCOL} unless configured otherwise) */
    public static List<ForeignObject> find(DesiredState desired, ObservedState observed, Ownership owned,
                                           int protocol) {
        Map<Integer, DesiredLink> configured = new HashMap<>();
        Set<String> named = new HashSet<>();
        for (DesiredLink d : desired.links()) {
            named.add(d.name());
            named.addAll(KindTraits.companions(d.link().kind(), d.link().spec()));
            observed.link(d.name()).ifPresent(l -> configured.put(l.index(), d));
        }
        desired.absent().stream().map(AbsentLink::name).forEach(named::add);

        List<ForeignObject> out = new ArrayList<>();
        for (ObservedLink l : observed.links()) {
            if (named.contains(l.name()) || owned.owns(l.name(), l.index())) {
                continue;
            }
            if (configured.containsKey(l.master())) {
                String on = configured.get(l.master()).name();
                out.add(new ForeignObject(ForeignObject.LINK, on, l.name(), kindOf(l) + ", port of " + on));
            } else if (l.linkNetnsId() < 0 && l.parent() != l.index() && configured.containsKey(l.parent())) {
                String on = configured.get(l.parent()).name();
                out.add(new ForeignObject(ForeignObject.LINK, on, l.name(), kindOf(l) + ", on " + on));
            }
        }
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            find(t, desired, observed, owned, protocol, configured, out);
        }
        // Per interface: links first, then each type's objects in the order of ResourceTypes.ALL.
        List<String> order = new ArrayList<>(List.of(ForeignObject.LINK));
        ResourceTypes.ALL.forEach(t -> order.add(t.noun()));
        out.sort(Comparator.comparing(ForeignObject::iface).thenComparing(o -> order.indexOf(o.type()))
                .thenComparing(ForeignObject::object).thenComparing(ForeignObject::detail));
        return out;
    }

    private static String kindOf(ObservedLink l) {
        return l.kindName() == null ? "device" : l.kindName();
    }

    /** Someone else's objects of {@code type} on the configured interfaces that the config does not name. */
    private static <K, D, O, L> void find(ResourceType<K, D, O, L> type, DesiredState desired,
                                          ObservedState observed, Ownership owned, int protocol,
                                          Map<Integer, DesiredLink> configured, List<ForeignObject> out) {
        ObjectPlan<K, D, O, L> plan = new ObjectPlan<>(type, desired, observed, owned, protocol);
        for (O o : type.observed(observed)) {
            DesiredLink d = configured.get(type.ifindex(o));
            if (d == null || type.kernels(o) || plan.ours(o)) {
                continue;
            }
            type.foreign(o, d.name(), desired).ifPresent(out::add);
        }
    }
}
