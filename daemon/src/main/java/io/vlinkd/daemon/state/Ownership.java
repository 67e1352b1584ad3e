package io.vlinkd.daemon.state;

import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.link.LinkIntent;
import io.vlinkd.daemon.resource.link.OwnedLink;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What vlinkd owns: the links it created, by name, the links it is about to create ({@link LinkIntent}s,
 * written ahead of the requests), and the ledger lines of each {@link ResourceType} (the routes it installed, the
 * addresses it added). Immutable; changes make a new value.
 */
public final class Ownership {
    private final Map<String, OwnedLink> links;
    private final Map<String, LinkIntent> intents;
    /** The lines of each type that has any (a type without lines has no entry, so equal values are equal maps). */
    private final Map<ResourceType<?, ?, ?, ?>, Set<?>> lines;

    private Ownership(Map<String, OwnedLink> links, Map<String, LinkIntent> intents) {
        this(links, intents, Map.of());
    }

    private Ownership(Map<String, OwnedLink> links, Map<String, LinkIntent> intents,
                      Map<ResourceType<?, ?, ?, ?>, Set<?>> lines) {
        this.links = Collections.unmodifiableMap(links);
        this.intents = Collections.unmodifiableMap(intents);
        this.lines = lines;
    }

    /** The ledger lines of {@code type}: the objects of that type vlinkd owns, in the order they were recorded. */
    public <L> Set<L> lines(ResourceType<?, ?, ?, L> type) {
        @SuppressWarnings("unchecked") // withLines and withRead put only lines of a type under it: a Set<L>
        Set<L> s = (Set<L>) lines.getOrDefault(type, Set.of());
        return s;
    }

    /** The same links, intents and other types' lines, with exactly these lines of {@code type}. */
    public <L> Ownership withLines(ResourceType<?, ?, ?, L> type, Collection<? extends L> owned) {
        Map<ResourceType<?, ?, ?, ?>, Set<?>> m = new LinkedHashMap<>(lines);
        put(m, type, owned);
        return new Ownership(links, intents, Collections.unmodifiableMap(m));
    }

    /**
     * The same links and intents with the lines {@link OwnershipStore} read, by type (each read by its type's
     * {@link ResourceType#readLine}), in one copy.
     */
    Ownership withRead(Map<ResourceType<?, ?, ?, ?>, ? extends Collection<?>> read) {
        Map<ResourceType<?, ?, ?, ?>, Set<?>> m = new LinkedHashMap<>(lines);
        read.forEach((type, owned) -> put(m, type, owned));
        return new Ownership(links, intents, Collections.unmodifiableMap(m));
    }

    private static void put(Map<ResourceType<?, ?, ?, ?>, Set<?>> m, ResourceType<?, ?, ?, ?> type,
                            Collection<?> owned) {
        if (owned.isEmpty()) {
            m.remove(type);
        } else {
            m.put(type, Collections.unmodifiableSet(new LinkedHashSet<>(owned)));
        }
    }

    public static Ownership none() {
        return new Ownership(new LinkedHashMap<>(), new LinkedHashMap<>());
    }

    public static Ownership of(Collection<OwnedLink> links) {
        return of(links, List.of());
    }

    public static Ownership of(Collection<OwnedLink> links, Collection<LinkIntent> intents) {
        Map<String, OwnedLink> m = new LinkedHashMap<>();
        links.forEach(l -> m.put(l.name(), l));
        Map<String, LinkIntent> i = new LinkedHashMap<>();
        intents.forEach(t -> i.put(t.name(), t));
        return new Ownership(m, i);
    }

    /** True when vlinkd created the link now called {@code name} with index {@code ifindex}. */
    public boolean owns(String name, int ifindex) {
        OwnedLink l = links.get(name);
        return l != null && l.ifindex() == ifindex;
    }

    public Optional<OwnedLink> get(String name) {
        return Optional.ofNullable(links.get(name));
    }

    public Collection<OwnedLink> links() {
        return links.values();
    }

    /** Links being created when this was written; none once an apply has recorded what it created. */
    public Collection<LinkIntent> intents() {
        return intents.values();
    }

    public Ownership with(OwnedLink link) {
        Map<String, OwnedLink> m = new LinkedHashMap<>(links);
        m.put(link.name(), link);
        Map<String, LinkIntent> i = new LinkedHashMap<>(intents);
        i.remove(link.name());
        return new Ownership(m, i, lines);
    }

    public Ownership without(String name) {
        Map<String, OwnedLink> m = new LinkedHashMap<>(links);
        m.remove(name);
        return new Ownership(m, intents, lines);
    }

    /** This ownership plus the intent to create {@code intent}'s link. */
    public Ownership withIntent(LinkIntent intent) {
        return withIntents(List.of(intent));
    }

    /** This ownership plus these intents, in one copy (a cold apply of thousands of links records them all). */
    public Ownership withIntents(Collection<LinkIntent> more) {
        Map<String, LinkIntent> i = new LinkedHashMap<>(intents);
        more.forEach(t -> i.put(t.name(), t));
        return new Ownership(links, i, lines);
    }

    /** The same links, no intents. */
    public Ownership withoutIntents() {
        return new Ownership(links, new LinkedHashMap<>(), lines);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ownership other && other.links.equals(links) && other.intents.equals(intents)
                && other.lines.equals(lines);
    }

    @Override
    public int hashCode() {
        return (links.hashCode() * 31 + intents.hashCode()) * 31 + lines.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder().append(links.values());
        if (!intents.isEmpty()) {
            sb.append(" intents ").append(intents.values());
        }
        lines.forEach((type, owned) -> sb.append(' ').append(type.ledgerWord()).append(' ').append(owned));
        return sb.toString();
    }
}
