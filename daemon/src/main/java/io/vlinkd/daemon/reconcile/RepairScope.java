package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.AbsentLink;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredNexthop;
import io.vlinkd.config.DesiredRoute;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.resource.nexthop.NexthopType;
import io.vlinkd.daemon.resource.route.RouteType;
import io.vlinkd.daemon.resource.link.KindTraits;
import io.vlinkd.daemon.resource.link.LinkIntent;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.resource.link.OwnedLink;
import io.vlinkd.daemon.state.Ownership;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a drift repair plans when the drift concerned a few links (issue 14: "a drift event repairs only what it
 * concerns"): those links and every interface connected to them, in the config or in the kernel, by a master, a
 * parent ({@code link}), a kind option naming an interface, a companion (a veth's peer) or an object that needs
 * several interfaces; the config's entries and objects on them; the ledger's lines about them. The rest of the
 * config, owned links outside it included, is neither planned nor touched (the planner leaves alone what the config
 * does not name and vlinkd does not own, and neither is outside the scope). Connected is taken in both directions,
 * transitively: a re-created bridge's ports are re-enslaved, a veth's peer re-created with it, a vlan on a
 * re-created parent re-created, and the addresses and routes on each of them restored.
 *
 * <p>The ledger is narrowed to the scope for the plan and widened back before every save: the lines outside the
 * scope are saved as they were read.
 */
final class RepairScope {
    private final Set<String> names;
    private final DesiredState desired;
    /** The ledger lines of each type the scope covers (see {@link #narrow}). */
    private final Map<ResourceType<?, ?, ?, ?>, Set<?>> lines = new HashMap<>();

    private RepairScope(Set<String> names, DesiredState desired) {
        this.names = names;
        this.desired = desired;
    }

    /**
     * The scope of a repair of the drift on {@code links}, or empty when only a repair of the whole config is safe:
     * <ul>
     *   <li>the config lists an object that names no interface (a route without {@code dev}): the kernel chose its
     *       device from the addresses, so any link's deletion may have taken it along;</li>
     *   <li>the config puts an interface in a named namespace ({@code netns}, a veth's {@code peer-netns}): those
     *       parts are reconciled through their own ports, and a whole repair re-reads them (the drift watcher
     *       watches only the daemon's own namespace, so that is how their drift is repaired today).</li>
     * </ul>
     */
    static Optional<RepairScope> of(Connections config, ObservedState observed, Set<String> links) {
        if (!config.scopable()) {
            return Optional.empty();
        }
        Graph g = new Graph(config.graph, new HashMap<>());
        Map<Integer, String> byIndex = new HashMap<>();
        observed.links().forEach(l -> byIndex.put(l.index(), l.name()));
        // A kind option of an observed link that names another is not followed: where the config does not say the
        // same, that link differs from the config on its own, and its own notification brought its own repair.
        for (ObservedLink l : observed.links()) {
            for (int other : new int[] {l.master(), l.parent()}) {
                String o = byIndex.get(other);
                if (o != null) {
                    g.connect(l.name(), o);
                }
            }
        }
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            connectObserved(t, config, observed, byIndex, g);
        }
        Set<String> names = g.reach(links);
        return Optional.of(new RepairScope(names, restrict(config.desired, names)));
    }

    /**
     * The config's interfaces and who is connected to whom in it, and whether a repair of it can be scoped at all.
     * Worked out once per config (it asks every entry's kind for the interfaces its options name).
     */
    static final class Connections {
        private final DesiredState desired;
        private final Map<String, List<String>> graph = new HashMap<>();
        /** Per type, the interface each listed object's key is first on. */
        private final Map<ResourceType<?, ?, ?, ?>, Map<?, String>> listedOn = new HashMap<>();
        private boolean scopable = true;

        Connections(DesiredState desired) {
            this.desired = desired;
            Graph g = new Graph(Map.of(), graph);
            for (DesiredLink d : desired.links()) {
                String n = d.name();
                if (d.link().netns().isPresent() || d.link().kind() != null
                        && KindTraits.hasPeerOption(d.link().kind())
                        && KindTraits.options(d.link().kind(), d.link().spec()).has(KindTraits.PEER_NETNS)) {
                    scopable = false;
                }
                d.link().master().ifPresent(m -> g.connect(n, m));
                d.link().link().ifPresent(p -> g.connect(n, p));
                KindTraits.references(d.link().kind(), d.link().spec()).forEach(r -> g.connect(n, r));
                KindTraits.companions(d.link().kind(), d.link().spec()).forEach(c -> g.connect(n, c));
            }
            for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
                connectListed(t, g);
            }
        }

        /** The config this is of. */
        DesiredState desired() {
            return desired;
        }

        boolean scopable() {
            return scopable;
        }

        /** Connects the interfaces each listed object of {@code type} needs; one that needs none is not scopable. */
        private <K, D> void connectListed(ResourceType<K, D, ?, ?> type, Graph g) {
            Map<K, String> on = new HashMap<>();
            for (D d : type.desired(desired)) {
                Set<String> needs = type.needs(d);
                if (needs.isEmpty()) {
                    scopable = false;
                    return;
                }
                String first = needs.iterator().next();
                needs.forEach(n -> g.connect(first, n));
                on.putIfAbsent(type.key(d), first);
            }
            if (!on.isEmpty()) {
                listedOn.put(type, on);
            }
        }
    }

    /**
     * Connects the interface of an observed object of {@code type} at the key of a listed one to the interfaces of
     * that one (a route the config moved to another dev is replaced there, not deleted here).
     */
    private static <K, O> void connectObserved(ResourceType<K, ?, O, ?> type, Connections config,
                                               ObservedState observed, Map<Integer, String> byIndex, Graph g) {
        Map<?, String> listedOn = config.listedOn.get(type);
        if (listedOn == null) {
            return;
        }
        for (O o : type.observed(observed)) {
            String on = byIndex.get(type.ifindex(o));
            String listed = listedOn.get(type.observedKey(o, observed));
            if (on != null && listed != null) {
                g.connect(on, listed);
            }
        }
    }

    /** The config's entries on the scope's interfaces (an object's interfaces are all in it or none is). */
    private static DesiredState restrict(DesiredState desired, Set<String> names) {
        List<DesiredLink> links = desired.links().stream().filter(l -> names.contains(l.name())).toList();
        List<AbsentLink> absent = desired.absent().stream().filter(a -> names.contains(a.name())).toList();
        List<DesiredRoute> routes = desired.routes().stream()
                .filter(r -> names.containsAll(RouteType.TYPE.needs(r))).toList();
        // Nexthops on the scope's devices (a config with a group, a blackhole or an fdb nexthop is repaired whole).
        List<DesiredNexthop> nexthops = desired.nexthops().stream()
                .filter(n -> names.containsAll(NexthopType.TYPE.needs(n))).toList();
        // No rules: they are on no interface, so never in a scope (their drift is repaired whole), and the ledger's
        // lines of the observed ones stay outside it (narrow).
        return new DesiredState(links, absent, routes, desired.settings(), desired.files(), List.of(), nexthops);
    }

    /** The interfaces planned. */
    Set<String> names() {
        return names;
    }

    /** The part of the config the repair plans. */
    DesiredState desired() {
        return desired;
    }

    /**
     * The part of {@code recorded} the repair plans: the links of the scope, and the lines of the objects on them
     * or no longer observed at all (those the claims drop, as a whole repair would). Remembers which lines it took,
     * for {@link #widen}.
     */
    Ownership narrow(Ownership recorded, ObservedState observed) {
        List<OwnedLink> links = recorded.links().stream().filter(l -> names.contains(l.name())).toList();
        List<LinkIntent> intents = recorded.intents().stream().filter(i -> names.contains(i.name())).toList();
        Ownership out = Ownership.of(links, intents);
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            out = narrow(t, recorded, observed, out);
        }
        return out;
    }

    private <O, L> Ownership narrow(ResourceType<?, ?, O, L> type, Ownership recorded, ObservedState observed,
                                    Ownership into) {
        Set<L> all = type.recorded(recorded);
        if (all.isEmpty()) {
            return into;
        }
        Set<L> outside = new HashSet<>();
        for (O o : type.observed(observed)) {
            L line = type.line(o, observed);
            if (!all.contains(line)) {
                continue;
            }
            String on = observed.link(type.ifindex(o)).map(ObservedLink::name).orElse(null);
            if (on == null || !names.contains(on)) {
                outside.add(line);
            }
        }
        Set<L> taken = new LinkedHashSet<>();
        for (L line : all) {
            // A line of an object seen on an interface of the scope, or of one not seen at all.
            if (!outside.contains(line)) {
                taken.add(line);
            }
        }
        lines.put(type, taken);
        return type.withRecorded(into, taken);
    }

    /**
     * The whole ledger to save: {@code full} (as read when the repair began) with its part in the scope replaced by
     * {@code scoped}.
     */
    Ownership widen(Ownership scoped, Ownership full) {
        List<OwnedLink> links = new ArrayList<>();
        full.links().stream().filter(l -> !names.contains(l.name())).forEach(links::add);
        links.addAll(scoped.links());
        List<LinkIntent> intents = new ArrayList<>();
        full.intents().stream().filter(i -> !names.contains(i.name())).forEach(intents::add);
        intents.addAll(scoped.intents());
        Ownership out = Ownership.of(links, intents);
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            out = widen(t, scoped, full, out);
        }
        return out;
    }

    private <L> Ownership widen(ResourceType<?, ?, ?, L> type, Ownership scoped, Ownership full, Ownership into) {
        Collection<?> taken = lines.getOrDefault(type, Set.of());
        Set<L> out = new LinkedHashSet<>();
        for (L line : type.recorded(full)) {
            if (!taken.contains(line)) {
                out.add(line);
            }
        }
        out.addAll(type.recorded(scoped));
        return type.withRecorded(into, out);
    }

    /**
     * Interfaces and who is connected to whom: the config's edges, shared and never changed, and those a repair adds
     * from what it observes.
     */
    private static final class Graph {
        private final Map<String, List<String>> base;
        private final Map<String, List<String>> edges;

        /** @param base edges only read; @param edges where {@link #connect} adds */
        Graph(Map<String, List<String>> base, Map<String, List<String>> edges) {
            this.base = base;
            this.edges = edges;
        }

        void connect(String a, String b) {
            if (!a.equals(b)) {
                edges.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
                edges.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
            }
        }

        Set<String> reach(Set<String> from) {
            Set<String> seen = new HashSet<>(from);
            Deque<String> todo = new ArrayDeque<>(from);
            while (!todo.isEmpty()) {
                String at = todo.pop();
                for (Map<String, List<String>> m : List.of(base, edges)) {
                    for (String next : m.getOrDefault(at, List.of())) {
                        if (seen.add(next)) {
                            todo.push(next);
                        }
                    }
                }
            }
            return seen;
        }
    }
}
