package io.vlinkd.daemon.resource.route;

import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.ObjectForm;
import io.vlinkd.daemon.resource.ObjectForm.Ledgered;
import io.vlinkd.daemon.resource.ResourceObject;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.route.RouteRequests;
import io.vlinkd.netlink.route.RouteSpec;
import java.util.List;

/**
 * {@code ip route ... proto P}. The kernel matches the protocol on a delete, so only a route of that protocol is
 * removed; a replace changes the route of the same destination, table and metric in place. A step on a route is on
 * its device, or its first path's, or names the route.
 */
final class RouteObject {
    private static final ObjectForm<RouteSpec> FORM = new ObjectForm<>(r -> "route " + RouteRequests.describe(r),
            Phase.ADD_ROUTE, Phase.DELETE_ROUTE,
            (ctx, link, r, protocol) -> RouteRequests.add(r, oif(ctx, r), hopOifs(ctx, r), protocol),
            (ctx, link, r, protocol) -> RouteRequests.replace(r, oif(ctx, r), hopOifs(ctx, r), protocol),
            (ctx, link, r, protocol) -> RouteRequests.delete(r, oif(ctx, r), protocol),
            (verb, link, r, protocol) -> RouteRequests.ipCommand(verb, r, protocol),
            Ledgered.line(RouteType.TYPE, r -> RouteKey.of(r).owned()));

    private RouteObject() {
    }

    static ResourceObject<RouteSpec> of(RouteSpec route, int protocol) {
        return FORM.onDevice(route.dev().or(() -> route.multipath().stream().flatMap(h -> h.dev().stream())
                .findFirst()), route, protocol);
    }

    /** The devices of the paths of {@code multipath}, by index (0 for a path without one). */
    private static List<Integer> hopOifs(EncodeContext ctx, RouteSpec r) {
        return r.multipath().stream().map(h -> h.dev().map(ctx::ifindex).orElse(0)).toList();
    }

    private static int oif(EncodeContext ctx, RouteSpec r) {
        return r.dev().map(ctx::ifindex).orElse(0);
    }
}
