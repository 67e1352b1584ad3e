package io.vlinkd.daemon.resource.neighbour;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.ListedOnEntry;
import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.route.NeighbourMessage;
import io.vlinkd.netlink.route.NeighbourRequests;
import io.vlinkd.netlink.route.NeighbourSpec;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.Optional;

/**
 * Proxy neighbour entries ({@code neighbours: [{address: A, proxy: true}]}): the host answers ARP or NDP for
 * {@code A} on the interface ({@code ip neigh replace proxy A dev NAME proto 247}). The kernel keeps them in a table
 * of their own, dumped apart ({@code ip neigh show proxy}), and announces none of them, nor their flush when their
 * interface goes down: the view holds them as read by the last full read (after vlinkd's writes, each start and
 * reload, every {@code settings.resync-interval}), so a proxy entry someone deleted is added again at the next full
 * read, not at once. vlinkd's when marked (NDA_PROTOCOL) and recorded ({@code proxy LINK IFINDEX ADDRESS}).
 */
public final class ProxyNeighbourType extends AddressedNeighbourType {

    public static final ProxyNeighbourType TYPE = new ProxyNeighbourType();

    private ProxyNeighbourType() {
        super(new Basics("proxy neighbour", Rtnl.RTNLGRP_NEIGH,
                NeighbourRequests::dumpProxies, true, "proxy", "ADDRESS"));
    }

    @Override
    protected boolean lists(NeighbourSpec item) {
        return item.proxy();
    }

    @Override
    public Optional<ObservedNeighbour> decode(NlMessage message) throws MalformedMessageException {
        if (message.type() != Rtnl.RTM_NEWNEIGH && message.type() != Rtnl.RTM_DELNEIGH) {
            return Optional.empty();
        }
        NeighbourMessage n = NeighbourMessage.decode(message);
        return n.isProxyEntry() ? Optional.of(new ObservedNeighbour(n.header().index(), n.address(), null, true,
                n.protocol())) : Optional.empty();
    }

    @Override
    public String snapshotLine(ObservedNeighbour observed, ObservedState state) {
        return state.nameOf(observed.index()) + " proxy " + IpText.format(observed.address()) + " proto "
                + observed.protocol();
    }

    /** Every proxy entry is an administrator's. */
    @Override
    public boolean kernels(ObservedNeighbour observed) {
        return false;
    }

    /** An entry at the address is the configured one: it has nothing else. */
    @Override
    public boolean matches(ListedOnEntry<NeighbourSpec> want, ObservedNeighbour have, ObservedState observed) {
        return true;
    }

    @Override
    public KernelObject observedObject(ObservedNeighbour have, ObservedState observed) {
        return NeighbourObject.of(observed.nameOf(have.index()), new NeighbourSpec(have.address(), null, true),
                have.protocol());
    }

    @Override
    public String differentOne(NeighbourKey key, ObservedNeighbour have) {
        return "a proxy entry for " + key + " exists (proto " + have.protocol() + ")";
    }

    @Override
    public Optional<ForeignObject> foreign(ObservedNeighbour have, String on, DesiredState desired) {
        return Optional.of(new ForeignObject(noun(), on, IpText.format(have.address()), ""));
    }

    @Override
    public String claimedWithoutLedger() {
        return "proxy neighbour entries with its protocol";
    }
}
