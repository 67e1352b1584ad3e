package io.vlinkd.daemon.resource.route;

import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.route.RouteRequests;
import io.vlinkd.netlink.route.RouteSpec;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * {@code ip route ... proto P}. The kernel matches the protocol on a delete, so only a route of that protocol is
 * removed; a replace changes the route of the same destination, table and metric in place.
 */
public record RouteObject(RouteSpec route, int protocol) implements KernelObject {
    @Override
    public String link() {
        return route.dev().or(() -> route.multipath().stream().flatMap(h -> h.dev().stream()).findFirst())
                .orElse("route " + RouteRequests.describe(route));
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
        return RouteRequests.add(route, oif(ctx), hopOifs(ctx), protocol);
    }

    @Override
    public NlRequest replace(EncodeContext ctx) {
        return RouteRequests.replace(route, oif(ctx), hopOifs(ctx), protocol);
    }

    @Override
    public NlRequest delete(EncodeContext ctx) {
        return RouteRequests.delete(route, oif(ctx), protocol);
    }

    /** The devices of the paths of {@code multipath}, by index (0 for a path without one). */
    private java.util.List<Integer> hopOifs(EncodeContext ctx) {
        return route.multipath().stream().map(h -> h.dev().map(ctx::ifindex).orElse(0)).toList();
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
        ledger.lines(RouteType.TYPE).add(RouteKey.of(route).owned());
    }

    @Override
    public void disown(Ledger ledger) {
        ledger.lines(RouteType.TYPE).remove(RouteKey.of(route).owned());
    }
}
