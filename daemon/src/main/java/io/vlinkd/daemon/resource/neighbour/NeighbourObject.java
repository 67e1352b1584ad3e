package io.vlinkd.daemon.resource.neighbour;

import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.OwnedOnLink;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.route.NeighbourRequests;
import io.vlinkd.netlink.route.NeighbourSpec;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * {@code ip neigh replace ADDRESS lladdr MAC dev NAME nud permanent proto P}. An add is a replace too: the entry
 * takes the place of the one the kernel learned for that address (see {@link NeighbourRequests#replace}).
 */
public record NeighbourObject(String link, NeighbourSpec neighbour, int protocol) implements KernelObject {
    @Override
    public String noun() {
        return "neighbour " + IpText.format(neighbour.address());
    }

    @Override
    public Phase addPhase() {
        return Phase.ADD_NEIGHBOUR;
    }

    @Override
    public Phase deletePhase() {
        return Phase.DELETE_NEIGHBOUR;
    }

    @Override
    public NlRequest add(EncodeContext ctx) {
        return replace(ctx);
    }

    @Override
    public NlRequest replace(EncodeContext ctx) {
        return NeighbourRequests.replace(ctx.ifindex(link), link, neighbour, protocol);
    }

    @Override
    public NlRequest delete(EncodeContext ctx) {
        return NeighbourRequests.delete(ctx.ifindex(link), link, neighbour.address());
    }

    /** {@code add} is sent as {@code replace}, and says so. */
    @Override
    public String ipCommand(String verb) {
        return NeighbourRequests.ipCommand(verb.equals("del") ? "del" : "replace", link, neighbour, protocol);
    }

    @Override
    public void own(Ledger ledger) {
        OwnedOnLink.own(ledger, NeighbourType.TYPE, link, neighbour.address());
    }

    @Override
    public void disown(Ledger ledger) {
        OwnedOnLink.disown(ledger, NeighbourType.TYPE, link, neighbour.address());
    }
}
