package io.vlinkd.daemon.state;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What vlinkd owns: the links it created, by name. Immutable; changes make a new value. */
public final class Ownership {
    private final Map<String, OwnedLink> links;

    private Ownership(Map<String, OwnedLink> links) {
        this.links = Collections.unmodifiableMap(links);
    }

    public static Ownership none() {
        return new Ownership(new LinkedHashMap<>());
    }

    public static Ownership of(Collection<OwnedLink> links) {
        Map<String, OwnedLink> m = new LinkedHashMap<>();
        links.forEach(l -> m.put(l.name(), l));
        return new Ownership(m);
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

    public Ownership with(OwnedLink link) {
        Map<String, OwnedLink> m = new LinkedHashMap<>(links);
        m.put(link.name(), link);
        return new Ownership(m);
    }

    public Ownership without(String name) {
        Map<String, OwnedLink> m = new LinkedHashMap<>(links);
        m.remove(name);
        return new Ownership(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ownership other && other.links.equals(links);
    }

    @Override
    public int hashCode() {
        return links.hashCode();
    }

    @Override
    public String toString() {
        return links.values().toString();
    }
}
