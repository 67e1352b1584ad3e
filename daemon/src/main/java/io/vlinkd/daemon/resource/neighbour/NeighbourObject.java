package io.vlinkd.daemon.resource.neighbour;

import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.EntryListType;
import io.vlinkd.daemon.resource.OwnedOnLink;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.route.NeighbourRequests;
import io.vlinkd.netlink.route.NeighbourSpec;
import io.vlinkd.netlink.wire.NlRequest;
import java.net.InetAddress;

/**
 * {@code ip neigh replace ADDRESS lladdr MAC dev NAME nud permanent proto P}. An add is a replace too: the entry
 * takes the place of the one the kernel learned for that address (see {@link NeighbourRequests#replace}).
 */
public record NeighbourObject(String link, NeighbourSpec neighbour, int protocol) implements KernelObject {
    @Override
    public String noun() {
        return (neighbour.proxy() ? "proxy neighbour " : "neighbour ") + IpText.format(neighbour.address());
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
        return NeighbourRequests.delete(ctx.ifindex(link), link, neighbour);
    }

    /** {@code add} is sent as {@code replace}, and says so. */
    @Override
    public String ipCommand(String verb) {
        return NeighbourRequests.ipCommand(verb.equals("del") ? "del" : "replace", link, neighbour, protocol);
    }

    @Override
    public void own(Ledger ledger) {
        OwnedOnLink.own(ledger, type(), link, neighbour.address());
    }

    @Override
    public void disown(Ledger ledger) {
        OwnedOnLink.disown(ledger, type(), link, neighbour.address());
    }

    /** A proxy entry is of its own type: the kernel keeps proxy entries in a table of their own. */
    private EntryListType<NeighbourKey, NeighbourSpec, ObservedNeighbour, InetAddress> type() {
        return neighbour.proxy() ? ProxyNeighbourType.TYPE : NeighbourType.TYPE;
    }
}
