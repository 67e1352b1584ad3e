package io.vlinkd.daemon.resource.neighbour;

import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.EntryListType;
import io.vlinkd.daemon.resource.ObjectForm;
import io.vlinkd.daemon.resource.ObjectForm.Ledgered;
import io.vlinkd.daemon.resource.ResourceObject;
import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.route.NeighbourRequests;
import io.vlinkd.netlink.route.NeighbourSpec;
import java.net.InetAddress;

/**
 * {@code ip neigh replace ADDRESS lladdr MAC dev NAME nud permanent proto P}. An add is a replace too: the entry
 * takes the place of the one the kernel learned for that address (see {@link NeighbourRequests#replace}).
 */
final class NeighbourObject {
    private static final ObjectForm<NeighbourSpec> NEIGHBOUR = form("neighbour ", NeighbourType.TYPE);
    /** A proxy entry is of its own type: the kernel keeps proxy entries in a table of their own. */
    private static final ObjectForm<NeighbourSpec> PROXY = form("proxy neighbour ", ProxyNeighbourType.TYPE);

    private NeighbourObject() {
    }

    static ResourceObject<NeighbourSpec> of(String link, NeighbourSpec neighbour, int protocol) {
        return (neighbour.proxy() ? PROXY : NEIGHBOUR).on(link, neighbour, protocol);
    }

    /** {@code add} is sent as {@code replace}, and its command says so. */
    private static ObjectForm<NeighbourSpec> form(String noun,
                                                  EntryListType<NeighbourKey, NeighbourSpec, ObservedNeighbour,
                                                          InetAddress> type) {
        return ObjectForm.replacedByAdd(n -> noun + IpText.format(n.address()),
                Phase.ADD_NEIGHBOUR, Phase.DELETE_NEIGHBOUR,
                (ctx, link, n, protocol) -> NeighbourRequests.replace(ctx.ifindex(link), link, n, protocol),
                (ctx, link, n, protocol) -> NeighbourRequests.delete(ctx.ifindex(link), link, n),
                (verb, link, n, protocol) -> NeighbourRequests.ipCommand(verb.equals("del") ? "del" : "replace",
                        link, n, protocol),
                Ledgered.onLink(type, NeighbourSpec::address));
    }
}
