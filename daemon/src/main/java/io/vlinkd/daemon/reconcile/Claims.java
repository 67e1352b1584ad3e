package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.state.OwnedAddress;
import io.vlinkd.daemon.state.OwnedLink;
import io.vlinkd.daemon.state.Ownership;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which routes and addresses are vlinkd's, beyond what the ledger records, and which recorded ones still exist.
 *
 * <ul>
 *   <li>An address carrying vlinkd's mark (IFA_PROTO = {@code settings.route-protocol}) on a link vlinkd owns is
 *       vlinkd's: that is how ownership of addresses survives a lost or damaged ledger (kernel 5.18+; older
 *       kernels drop the mark, and only the ledger counts).</li>
 *   <li>An address the config lists that is already on its interface is claimed (from a ledger written before
 *       addresses were recorded, or added by hand as configured): it is vlinkd's from then on, and deleted when it
 *       leaves the config.</li>
 *   <li>An object of a {@link ResourceType} (a route) carrying vlinkd's mark (a route's protocol number) that is
 *       exactly as the config lists it is claimed likewise; one that differs from the config is not (someone else's
 *       route to that destination is left alone). A route with the number that the config does not list and the
 *       ledger does not record is someone else's: the protocol alone never makes a route vlinkd's.</li>
 *   <li>Recorded routes and addresses that are gone from the kernel (deleted with their link, or by someone
 *       else) are no longer recorded. Every type of {@link ResourceTypes#ALL} is claimed and pruned this way.</li>
 * </ul>
 */
final class Claims {
    private Claims() {
    }

    /** {@code owned} with the claims above, and without what no longer exists in {@code observed}. */
    static Ownership claim(DesiredState desired, ObservedState observed, Ownership owned) {
        int protocol = desired.settings().routeProtocol();
        Ownership present = present(owned, observed, protocol);
        Set<OwnedAddress> addresses = new LinkedHashSet<>(present.addresses());
        Map<String, ObservedLink> byName = observed.byName();
        for (OwnedLink l : owned.links()) {
            ObservedLink o = byName.get(l.name());
            if (o != null && o.index() == l.ifindex()) {
                for (ObservedAddress a : observed.addressesOf(o.index())) {
                    if (a.protocol() == protocol) {
                        addresses.add(new OwnedAddress(o.name(), o.index(), a.address(), a.prefixLength()));
                    }
                }
            }
        }
        for (DesiredLink d : desired.links()) {
            ObservedLink o = byName.get(d.name());
            if (o == null || !d.addressesManaged()) {
                continue;
            }
            for (ObservedAddress a : observed.addressesOf(o.index())) {
                if (d.addresses().stream().anyMatch(a::sameAs)) {
                    addresses.add(new OwnedAddress(o.name(), o.index(), a.address(), a.prefixLength()));
                }
            }
        }
        Ownership out = present.withAddresses(addresses);
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            out = claim(t, desired, observed, present, out, protocol);
        }
        return out;
    }

    /**
     * {@code into} with the lines of {@code type} in {@code present}, and those of its observed objects with
     * vlinkd's mark that are exactly as the config lists them.
     */
    private static <K, D, O, L> Ownership claim(ResourceType<K, D, O, L> type, DesiredState desired,
                                                ObservedState observed, Ownership present, Ownership into,
                                                int protocol) {
        Set<L> lines = new LinkedHashSet<>(type.recorded(present));
        Map<K, D> listed = new HashMap<>();
        for (D d : type.desired(desired)) {
            listed.put(type.key(d), d);
        }
        for (O o : type.observed(observed)) {
            D want = listed.get(type.observedKey(o));
            if (type.marked(o, protocol) && want != null && type.matches(want, o, observed)) {
                lines.add(type.line(type.observedKey(o)));
            }
        }
        return type.withRecorded(into, lines);
    }

    /** {@code owned} without the addresses and objects that {@code observed} no longer has. */
    static Ownership present(Ownership owned, ObservedState observed, int protocol) {
        Set<OwnedAddress> addresses = new HashSet<>();
        for (ObservedAddress a : observed.addresses()) {
            observed.link(a.index()).ifPresent(l ->
                    addresses.add(new OwnedAddress(l.name(), l.index(), a.address(), a.prefixLength())));
        }
        Ownership out = owned.withAddresses(owned.addresses().stream().filter(addresses::contains).toList());
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            out = present(t, out, observed, protocol);
        }
        return out;
    }

    /** {@code owned} without the lines of {@code type} whose object is not observed with vlinkd's mark. */
    private static <K, D, O, L> Ownership present(ResourceType<K, D, O, L> type, Ownership owned,
                                                  ObservedState observed, int protocol) {
        Set<L> existing = new HashSet<>();
        for (O o : type.observed(observed)) {
            if (type.marked(o, protocol)) {
                existing.add(type.line(type.observedKey(o)));
            }
        }
        return type.withRecorded(owned, type.recorded(owned).stream().filter(existing::contains).toList());
    }

    /**
     * {@code links} with the addresses and the lines of every type that {@code first} or {@code second} records
     * (those of {@code first} first).
     */
    static Ownership union(Ownership links, Ownership first, Ownership second) {
        Set<OwnedAddress> addresses = new LinkedHashSet<>(first.addresses());
        addresses.addAll(second.addresses());
        Ownership out = links.withAddresses(addresses);
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            out = union(t, out, first, second);
        }
        return out;
    }

    private static <L> Ownership union(ResourceType<?, ?, ?, L> type, Ownership into, Ownership first,
                                       Ownership second) {
        Set<L> lines = new LinkedHashSet<>(type.recorded(first));
        lines.addAll(type.recorded(second));
        return type.withRecorded(into, lines);
    }
}
