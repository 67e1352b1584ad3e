package io.vlinkd.daemon.resource.nexthop;

import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.ObjectForm;
import io.vlinkd.daemon.resource.ObjectForm.Ledgered;
import io.vlinkd.daemon.resource.ResourceObject;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.route.NexthopRequests;
import io.vlinkd.netlink.route.NexthopSpec;

/**
 * {@code ip nexthop add|replace|del ... proto P}. A next hop on a device is a step on that device (after its
 * creation, before its deletion); a group, a blackhole and an FDB nexthop are on none and name themselves. A group
 * has phases of its own, after its members' adds and before their deletes (the kernel refuses a group of members that
 * do not exist, and takes a deleted member out of its groups).
 */
final class NexthopObject {
    private static final ObjectForm<NexthopSpec> NEXTHOP = form(Phase.ADD_NEXTHOP, Phase.DELETE_NEXTHOP);
    private static final ObjectForm<NexthopSpec> GROUP = form(Phase.ADD_NEXTHOP_GROUP, Phase.DELETE_NEXTHOP_GROUP);

    private NexthopObject() {
    }

    static ResourceObject<NexthopSpec> of(NexthopSpec nexthop, int protocol) {
        return (nexthop.isGroup() ? GROUP : NEXTHOP).onDevice(nexthop.dev(), nexthop, protocol);
    }

    private static ObjectForm<NexthopSpec> form(Phase add, Phase delete) {
        return new ObjectForm<>(n -> "nexthop " + n, add, delete,
                (ctx, link, n, protocol) -> NexthopRequests.add(n, oif(ctx, n), protocol),
                (ctx, link, n, protocol) -> NexthopRequests.replace(n, oif(ctx, n), protocol),
                (ctx, link, n, protocol) -> NexthopRequests.delete(n.id()),
                (verb, link, n, protocol) -> NexthopRequests.command(verb, n, protocol),
                Ledgered.line(NexthopType.TYPE, n -> new OwnedNexthop(n.id())));
    }

    private static int oif(EncodeContext ctx, NexthopSpec n) {
        return n.dev().map(ctx::ifindex).orElse(0);
    }
}
