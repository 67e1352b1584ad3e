package io.vlinkd.daemon.reconcile;

import io.vlinkd.daemon.state.OwnedAddress;
import io.vlinkd.daemon.state.OwnedRoute;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.route.AddressRequests;
import io.vlinkd.netlink.route.AddressSpec;
import io.vlinkd.netlink.route.RouteRequests;
import io.vlinkd.netlink.route.RouteSpec;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.Map;
import java.util.Set;

/**
 * An object that vlinkd adds, replaces in place (NLM_F_REPLACE) and deletes whole, marked as its own by a protocol
 * number: an address on a link, a route. Their step, {@link Step.ObjectChange}, is written once for all of them;
 * the next such object (a neighbour, a rule, a nexthop) is one more implementation of this interface.
 */
public interface KernelObject {

    /** The interface a step on this object is about (a route without a device names itself). */
    String link();

    /** What the operator phrase names after its verb: {@code address 192.0.2.10/24}. */
    String noun();

    /** The protocol number written with it: vlinkd's own, or, for a restore, the one it was observed with. */
    int protocol();

    /** The phase of its add and of its replace. */
    Phase addPhase();

    Phase deletePhase();

    NlRequest add(EncodeContext ctx);

    NlRequest replace(EncodeContext ctx);

    NlRequest delete(EncodeContext ctx);

    /** The equivalent iproute2 command for {@code verb}: {@code add}, {@code replace} or {@code del}. */
    String ipCommand(String verb);

    /** Records it in {@code ledger} as vlinkd's (vlinkd wrote it from the config, with its own protocol). */
    void own(Ledger ledger);

    /** Removes it from {@code ledger} (vlinkd deleted it). */
    void disown(Ledger ledger);

    /**
     * The objects of the ownership ledger while the steps of an apply are replayed onto it; {@code links} are the
     * interfaces as observed after the apply, by name (an address is recorded with its link's index).
     */
    record Ledger(Map<String, ObservedLink> links, Set<OwnedAddress> addresses, Set<OwnedRoute> routes) {
    }

    /** {@code ip addr ... A/LEN dev NAME}. */
    record Address(String link, AddressSpec address, int protocol) implements KernelObject {
        @Override
        public String noun() {
            return "address " + address;
        }

        @Override
        public Phase addPhase() {
            return Phase.ADD_ADDRESS;
        }

        @Override
        public Phase deletePhase() {
            return Phase.DELETE_ADDRESS;
        }

        @Override
        public NlRequest add(EncodeContext ctx) {
            return AddressRequests.add(ctx.ifindex(link), link, address, protocol);
        }

        /** The same address with other lifetimes (or, IPv6, other flags). */
        @Override
        public NlRequest replace(EncodeContext ctx) {
            return AddressRequests.replace(ctx.ifindex(link), link, address, protocol);
        }

        @Override
        public NlRequest delete(EncodeContext ctx) {
            return AddressRequests.delete(ctx.ifindex(link), link, address);
        }

        @Override
        public String ipCommand(String verb) {
            return AddressRequests.ipCommand(verb, link, address, protocol);
        }

        @Override
        public void own(Ledger ledger) {
            ObservedLink l = ledger.links().get(link);
            if (l != null) {
                ledger.addresses().add(new OwnedAddress(l.name(), l.index(), address.address(),
                        address.prefixLength()));
            }
        }

        @Override
        public void disown(Ledger ledger) {
            ledger.addresses().removeIf(x -> x.link().equals(link) && x.address().equals(address.address())
                    && x.prefixLength() == address.prefixLength());
        }
    }

    /**
     * {@code ip route ... proto P}. The kernel matches the protocol on a delete, so only a route of that protocol
     * is removed; a replace changes the route of the same destination, table and metric in place.
     */
    record Route(RouteSpec route, int protocol) implements KernelObject {
        @Override
        public String link() {
            return route.dev().orElse("route " + RouteRequests.describe(route));
        }

        @Override
        public String noun() {
            return "route " + RouteRequests.describe(route);
        }

        @Override
        public Phase addPhase() {
            return Phase.ADD_ROUTE;
        }

        @Override
        public Phase deletePhase() {
            return Phase.DELETE_ROUTE;
        }

        @Override
        public NlRequest add(EncodeContext ctx) {
            return RouteRequests.add(route, oif(ctx), protocol);
        }

        @Override
        public NlRequest replace(EncodeContext ctx) {
            return RouteRequests.replace(route, oif(ctx), protocol);
        }

        @Override
        public NlRequest delete(EncodeContext ctx) {
            return RouteRequests.delete(route, oif(ctx), protocol);
        }

        private int oif(EncodeContext ctx) {
            return route.dev().map(ctx::ifindex).orElse(0);
        }

        @Override
        public String ipCommand(String verb) {
            return RouteRequests.ipCommand(verb, route, protocol);
        }

        @Override
        public void own(Ledger ledger) {
            ledger.routes().add(RouteKey.of(route).owned());
        }

        @Override
        public void disown(Ledger ledger) {
            ledger.routes().remove(RouteKey.of(route).owned());
        }
    }
}
