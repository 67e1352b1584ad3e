package io.vlinkd.daemon.reconcile;

import io.vlinkd.daemon.resource.address.ObservedAddress;
import io.vlinkd.daemon.resource.route.ObservedRoute;
import io.vlinkd.netlink.kind.IpText;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything one observation found: links, addresses and routes, with lookups by name and index. The lookups are
 * indexed once, on first use: a plan over thousands of links asks for each link's addresses and master.
 */
public final class ObservedState {
    private final List<ObservedLink> links;
    private final List<ObservedAddress> addresses;
    private final List<ObservedRoute> routes;
    private Map<String, ObservedLink> byName;
    private Map<Integer, ObservedLink> byIndex;
    private Map<Integer, List<ObservedAddress>> addressesByIndex;

    public ObservedState(List<ObservedLink> links, List<ObservedAddress> addresses, List<ObservedRoute> routes) {
        this.links = List.copyOf(links);
        this.addresses = List.copyOf(addresses);
        this.routes = List.copyOf(routes);
    }

    public static ObservedState empty() {
        return new ObservedState(List.of(), List.of(), List.of());
    }

    public List<ObservedLink> links() {
        return links;
    }

    public List<ObservedAddress> addresses() {
        return addresses;
    }

    public List<ObservedRoute> routes() {
        return routes;
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
            for (ObservedAddress a : addresses) {
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
        return o instanceof ObservedState s && s.links.equals(links) && s.addresses.equals(addresses)
                && s.routes.equals(routes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(links, addresses, routes);
    }

    @Override
    public String toString() {
        return "ObservedState[links=" + links + ", addresses=" + addresses + ", routes=" + routes + "]";
    }

    /**
     * The state with interface indexes replaced by names and sorted, so two observations compare equal when the
     * same objects exist with the same settings even if a link was re-created (new ifindex) in between: the
     * "state before equals state after" of a rolled-back apply.
     */
    public Snapshot snapshot() {
        Map<Integer, String> names = new HashMap<>();
        links.forEach(l -> names.put(l.index(), l.name()));
        List<String> ls = new ArrayList<>();
        for (ObservedLink l : links) {
            ls.add(l.name() + " kind=" + l.kindName() + " spec=" + (l.kind() == null ? null
                    : optionsOf(l)) + " mtu=" + l.mtu() + " up=" + l.up() + " master=" + names.get(l.master())
                    + " parent=" + (l.linkNetnsId() >= 0 ? "netns" + l.linkNetnsId() + ":" + l.parent()
                    : names.get(l.parent())) + " alias=" + l.alias() + " txqlen=" + l.txqueuelen());
        }
        List<String> as = new ArrayList<>();
        for (ObservedAddress a : addresses) {
            if (!a.isKernelLinkLocal()) {
                as.add(names.get(a.index()) + " " + IpText.format(a.address()) + "/" + a.prefixLength());
            }
        }
        List<String> rs = new ArrayList<>();
        for (ObservedRoute r : routes) {
            if (!r.isKernels()) {
                rs.add(r.key() + " proto " + r.protocol() + " via " + (r.gateway() == null ? "none" : IpText.format(r.gateway())) + " dev " + names.get(r.oif())
                        + " scope " + r.scope() + " type " + r.type());
            }
        }
        ls.sort(Comparator.naturalOrder());
        as.sort(Comparator.naturalOrder());
        rs.sort(Comparator.naturalOrder());
        return new Snapshot(ls, as, rs);
    }

    private static Object optionsOf(ObservedLink l) {
        return l.kind().typed(l.spec()).options().asMap();
    }

    /** A comparable, index-free rendering of an observation: one line per link, address and non-kernel route. */
    public record Snapshot(List<String> links, List<String> addresses, List<String> routes) {

        /** Only the lines of these interfaces (their links, addresses and routes); all of them when null. */
        public Snapshot about(Set<String> names) {
            if (names == null) {
                return this;
            }
            return new Snapshot(
                    links.stream().filter(l -> names.contains(l.substring(0, l.indexOf(' ')))).toList(),
                    addresses.stream().filter(a -> names.contains(a.substring(0, a.indexOf(' ')))).toList(),
                    routes.stream().filter(r -> names.stream().anyMatch(n -> r.contains(" dev " + n + " "))).toList());
        }
    }
}
