package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredRoute;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.state.OwnedAddress;
import io.vlinkd.daemon.state.OwnedLink;
import io.vlinkd.daemon.state.OwnedRoute;
import io.vlinkd.daemon.state.Ownership;
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
 *   <li>A route carrying vlinkd's protocol number that is exactly as the config lists it is claimed likewise; one
 *       that differs from the config is not (someone else's route to that destination is left alone). A route
 *       with the number that the config does not list and the ledger does not record is someone else's: the
 *       protocol alone never makes a route vlinkd's.</li>
 *   <li>Recorded routes and addresses that are gone from the kernel (deleted with their link, or by someone
 *       else) are no longer recorded.</li>
 * </ul>
 */
final class Claims {
    private Claims() {
    }

    /** {@code owned} with the claims above, and without what no longer exists in {@code observed}. */
    static Ownership claim(DesiredState desired, ObservedState observed, Ownership owned) {
        int protocol = desired.settings().routeProtocol();
        Ownership present = present(owned, observed, protocol);
        Set<OwnedRoute> routes = new LinkedHashSet<>(present.routes());
        Map<RouteKey, DesiredRoute> listed = new java.util.HashMap<>();
        for (DesiredRoute r : desired.routes()) {
            listed.put(RouteKey.of(r.route()), r);
        }
        for (ObservedRoute r : observed.routes()) {
            DesiredRoute want = listed.get(r.key());
            if (r.protocol() == protocol && want != null && Planner.routeMatches(want.route(), r, observed)) {
                routes.add(r.key().owned());
            }
        }
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
        return present.withRoutes(routes).withAddresses(addresses);
    }

    /** {@code owned} without the routes and addresses that {@code observed} no longer has. */
    static Ownership present(Ownership owned, ObservedState observed, int protocol) {
        Set<OwnedRoute> routes = new HashSet<>();
        for (ObservedRoute r : observed.routes()) {
            if (r.protocol() == protocol) {
                routes.add(r.key().owned());
            }
        }
        Set<OwnedAddress> addresses = new HashSet<>();
        Map<Integer, ObservedLink> byIndex = new java.util.HashMap<>();
        observed.links().forEach(l -> byIndex.put(l.index(), l));
        for (ObservedAddress a : observed.addresses()) {
            ObservedLink l = byIndex.get(a.index());
            if (l != null) {
                addresses.add(new OwnedAddress(l.name(), l.index(), a.address(), a.prefixLength()));
            }
        }
        return owned.withRoutes(owned.routes().stream().filter(routes::contains).toList())
                .withAddresses(owned.addresses().stream().filter(addresses::contains).toList());
    }
}
