package io.vlinkd.daemon.reconcile;

import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.resource.address.AddressType;
import io.vlinkd.daemon.resource.address.ObservedAddress;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.resource.route.ObservedRoute;
import io.vlinkd.daemon.resource.route.RouteType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one observation found: links, and the objects of each {@link ResourceType} (addresses, routes), with
 * lookups by name and index. The lookups are indexed once, on first use: a plan over thousands of links asks for
 * each link's addresses and master.
 */
public final class ObservedState {
    private final List<ObservedLink> links;
    /** The objects of each type of {@link ResourceTypes#ALL}, in that order; an empty list for a type none of. */
    private final Map<ResourceType<?, ?, ?, ?>, List<?>> objects;
    private Map<String, ObservedLink> byName;
    private Map<Integer, ObservedLink> byIndex;
    private Map<Integer, List<ObservedAddress>> addressesByIndex;

    /** @param objects the observed objects by type; a type without an entry has none */
    public ObservedState(List<ObservedLink> links, Map<? extends ResourceType<?, ?, ?, ?>, ? extends List<?>> objects) {
        this.links = List.copyOf(links);
        Map<ResourceType<?, ?, ?, ?>, List<?>> m = new LinkedHashMap<>();
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            m.put(t, List.copyOf(objects.containsKey(t) ? objects.get(t) : List.of()));
        }
        this.objects = m;
    }

    /** A state of links, addresses and routes (the types of today's tests). */
    public ObservedState(List<ObservedLink> links, List<ObservedAddress> addresses, List<ObservedRoute> routes) {
        this(links, Map.of(AddressType.TYPE, addresses, RouteType.TYPE, routes));
    }

    /** The same objects with these links (their specs completed). */
    public ObservedState withLinks(List<ObservedLink> completed) {
        return new ObservedState(completed, objects);
    }

    public static ObservedState empty() {
        return new ObservedState(List.of(), Map.of());
    }

    public List<ObservedLink> links() {
        return links;
    }

    /** The observed objects of {@code type}, in the kernel's dump order. */
    public <O> List<O> objects(ResourceType<?, ?, O, ?> type) {
        @SuppressWarnings("unchecked") // put by the constructor for this type from its decoder's output: a List<O>
        List<O> l = (List<O>) objects.get(type);
        return l;
    }

    public List<ObservedAddress> addresses() {
        return objects(AddressType.TYPE);
    }

    public List<ObservedRoute> routes() {
        return objects(RouteType.TYPE);
    }

    public Optional<ObservedLink> link(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    public Optional<ObservedLink> link(int index) {
        if (index <= 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(byIndex().get(index));
    }

    /** The name of {@code index}, or null (0, or a link in another namespace). */
    public String nameOf(int index) {
        return link(index).map(ObservedLink::name).orElse(null);
    }

    public List<ObservedAddress> addressesOf(int index) {
        if (addressesByIndex == null) {
            Map<Integer, List<ObservedAddress>> m = new HashMap<>();
            for (ObservedAddress a : addresses()) {
                m.computeIfAbsent(a.index(), i -> new ArrayList<>()).add(a);
            }
            addressesByIndex = m;
        }
        return List.copyOf(addressesByIndex.getOrDefault(index, List.of()));
    }

    /** The ports of a master. */
    public List<ObservedLink> portsOf(int index) {
        return links.stream().filter(l -> l.master() == index && index > 0).toList();
    }

    /** A name → link map, built once for plans over thousands of links (the first of a name, as a scan finds). */
    public Map<String, ObservedLink> byName() {
        if (byName == null) {
            Map<String, ObservedLink> m = new HashMap<>();
            links.forEach(l -> m.putIfAbsent(l.name(), l));
            byName = Collections.unmodifiableMap(m);
        }
        return byName;
    }

    private Map<Integer, ObservedLink> byIndex() {
        if (byIndex == null) {
            Map<Integer, ObservedLink> m = new HashMap<>();
            links.forEach(l -> m.putIfAbsent(l.index(), l));
            byIndex = m;
        }
        return byIndex;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObservedState s && s.links.equals(links) && s.objects.equals(objects);
    }

    @Override
    public int hashCode() {
        return Objects.hash(links, objects);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ObservedState[links=").append(links);
        objects.forEach((t, l) -> sb.append(", ").append(t.noun()).append("s=").append(l));
        return sb.append(']').toString();
    }

    /**
     * The state with interface indexes replaced by names and sorted, so two observations compare equal when the
     * same objects exist with the same settings even if a link was re-created (new ifindex) in between: the
     * "state before equals state after" of a rolled-back apply. The kernel's own objects are left out.
     */
    public Snapshot snapshot() {
        Map<Integer, String> names = new HashMap<>();
        links.forEach(l -> names.put(l.index(), l.name()));
        List<String> ls = new ArrayList<>();
        for (ObservedLink l : links) {
            ls.add(l.snapshotLine(names));
        }
        ls.sort(Comparator.naturalOrder());
        Map<String, List<Snapshot.Line>> lines = new LinkedHashMap<>();
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            lines.put(t.noun(), lines(t));
        }
        return new Snapshot(ls, lines);
    }

    private <O> List<Snapshot.Line> lines(ResourceType<?, ?, O, ?> type) {
        List<Snapshot.Line> out = new ArrayList<>();
        for (O o : objects(type)) {
            if (!type.kernels(o)) {
                out.add(new Snapshot.Line(nameOf(type.ifindex(o)), type.snapshotLine(o, this)));
            }
        }
        out.sort(Comparator.comparing(Snapshot.Line::text));
        return out;
    }

    /**
     * A comparable, index-free rendering of an observation: one line per link, and per object of each type (by its
     * noun) that is not the kernel's own.
     */
    public record Snapshot(List<String> links, Map<String, List<Line>> objects) {

        /** One object: the interface it is on (null when none) and how it reads. */
        public record Line(String link, String text) {
            @Override
            public String toString() {
                return text;
            }
        }

        /** Only the lines of these interfaces (their links and the objects on them); all of them when null. */
        public Snapshot about(Set<String> names) {
            if (names == null) {
                return this;
            }
            Map<String, List<Line>> on = new LinkedHashMap<>();
            objects.forEach((noun, lines) -> on.put(noun, lines.stream().filter(l -> names.contains(l.link()))
                    .toList()));
            return new Snapshot(links.stream().filter(l -> names.contains(l.substring(0, l.indexOf(' ')))).toList(),
                    on);
        }
    }
}
