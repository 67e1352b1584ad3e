package io.vlinkd.daemon.state;

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
 * written ahead of the requests), the routes it installed and the addresses it added. Immutable; changes make a
 * new value.
 */
public final class Ownership {
    private final Map<String, OwnedLink> links;
    private final Map<String, LinkIntent> intents;
    private final Set<OwnedRoute> routes;
    private final Set<OwnedAddress> addresses;

    private Ownership(Map<String, OwnedLink> links, Map<String, LinkIntent> intents) {
        this(links, intents, Set.of(), Set.of());
    }

    private Ownership(Map<String, OwnedLink> links, Map<String, LinkIntent> intents, Set<OwnedRoute> routes,
                      Set<OwnedAddress> addresses) {
        this.links = Collections.unmodifiableMap(links);
        this.intents = Collections.unmodifiableMap(intents);
        this.routes = Collections.unmodifiableSet(new LinkedHashSet<>(routes));
        this.addresses = Collections.unmodifiableSet(new LinkedHashSet<>(addresses));
    }

    /** The routes vlinkd installed (with its protocol number). */
    public Set<OwnedRoute> routes() {
        return routes;
    }

    /** The addresses vlinkd added. */
    public Set<OwnedAddress> addresses() {
        return addresses;
    }

    public boolean ownsRoute(OwnedRoute r) {
        return routes.contains(r);
    }

    public boolean ownsAddress(OwnedAddress a) {
        return addresses.contains(a);
    }

    /** The same links and intents, with exactly these routes. */
    public Ownership withRoutes(Collection<OwnedRoute> owned) {
        return new Ownership(links, intents, new LinkedHashSet<>(owned), addresses);
    }

    /** The same links and intents, with exactly these addresses. */
    public Ownership withAddresses(Collection<OwnedAddress> owned) {
        return new Ownership(links, intents, routes, new LinkedHashSet<>(owned));
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
        return new Ownership(m, i, routes, addresses);
    }

    public Ownership without(String name) {
        Map<String, OwnedLink> m = new LinkedHashMap<>(links);
        m.remove(name);
        return new Ownership(m, intents, routes, addresses);
    }

    /** This ownership plus the intent to create {@code intent}'s link. */
    public Ownership withIntent(LinkIntent intent) {
        return withIntents(List.of(intent));
    }

    /** This ownership plus these intents, in one copy (a cold apply of thousands of links records them all). */
    public Ownership withIntents(Collection<LinkIntent> more) {
        Map<String, LinkIntent> i = new LinkedHashMap<>(intents);
        more.forEach(t -> i.put(t.name(), t));
        return new Ownership(links, i, routes, addresses);
    }

    /** The same links, no intents. */
    public Ownership withoutIntents() {
        return new Ownership(links, new LinkedHashMap<>(), routes, addresses);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Ownership other && other.links.equals(links) && other.intents.equals(intents)
                && other.routes.equals(routes) && other.addresses.equals(addresses);
    }

    @Override
    public int hashCode() {
        return ((links.hashCode() * 31 + intents.hashCode()) * 31 + routes.hashCode()) * 31 + addresses.hashCode();
    }

    @Override
    public String toString() {
        return links.values() + (intents.isEmpty() ? "" : " intents " + intents.values())
                + (routes.isEmpty() ? "" : " routes " + routes)
                + (addresses.isEmpty() ? "" : " addresses " + addresses);
    }
}
