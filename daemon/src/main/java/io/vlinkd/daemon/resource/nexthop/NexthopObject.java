package io.vlinkd.daemon.resource.nexthop;

import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.route.NexthopRequests;
import io.vlinkd.netlink.route.NexthopSpec;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * {@code ip nexthop add|replace|del ... proto P}. A next hop on a device is a step on that device (after its
 * creation, before its deletion); a group, a blackhole and an FDB nexthop are on none and name themselves. A group
 * has phases of its own, after its members' adds and before their deletes (the kernel refuses a group of members that
 * do not exist, and takes a deleted member out of its groups).
 */
public record NexthopObject(NexthopSpec nexthop, int protocol) implements KernelObject {
    @Override
    public String link() {
        return nexthop.dev().orElse(noun());
    }

    @Override
    public String noun() {
        return "nexthop " + nexthop;
    }

    @Override
    public Phase addPhase() {
        return nexthop.isGroup() ? Phase.ADD_NEXTHOP_GROUP : Phase.ADD_NEXTHOP;
    }

    @Override
    public Phase deletePhase() {
        return nexthop.isGroup() ? Phase.DELETE_NEXTHOP_GROUP : Phase.DELETE_NEXTHOP;
    }

    @Override
    public NlRequest add(EncodeContext ctx) {
        return NexthopRequests.add(nexthop, oif(ctx), protocol);
    }

    @Override
    public NlRequest replace(EncodeContext ctx) {
        return NexthopRequests.replace(nexthop, oif(ctx), protocol);
    }

    @Override
    public NlRequest delete(EncodeContext ctx) {
        return NexthopRequests.delete(nexthop.id());
    }

    private int oif(EncodeContext ctx) {
        return nexthop.dev().map(ctx::ifindex).orElse(0);
    }

    @Override
    public String ipCommand(String verb) {
        return NexthopRequests.command(verb, nexthop, protocol);
    }

    @Override
    public void own(Ledger ledger) {
        ledger.lines(NexthopType.TYPE).add(new OwnedNexthop(nexthop.id()));
    }

    @Override
    public void disown(Ledger ledger) {
        ledger.lines(NexthopType.TYPE).remove(new OwnedNexthop(nexthop.id()));
    }
}
