package io.vlinkd.daemon.resource.fdb;

import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.OwnedOnLink;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.route.FdbRequests;
import io.vlinkd.netlink.route.FdbSpec;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * {@code bridge fdb replace MAC dev PORT master static [vlan V]} or {@code bridge fdb append MAC dev VXLAN dst IP
 * ... self permanent}. Every setting of an entry is part of its key, so it is never replaced in place: the add of
 * a port's entry is a replace only to take the place of what the bridge learned for that MAC.
 */
public record FdbObject(String link, FdbSpec entry) implements KernelObject {
    @Override
    public String noun() {
        return "fdb entry " + entry;
    }

    /** The FDB has no protocol attribute: vlinkd's entries are known by the ledger alone. */
    @Override
    public int protocol() {
        return 0;
    }

    @Override
    public Phase addPhase() {
        return Phase.ADD_FDB;
    }

    @Override
    public Phase deletePhase() {
        return Phase.DELETE_FDB;
    }

    @Override
    public NlRequest add(EncodeContext ctx) {
        return FdbRequests.add(ctx.ifindex(link), link, entry);
    }

    @Override
    public NlRequest replace(EncodeContext ctx) {
        return add(ctx);
    }

    @Override
    public NlRequest delete(EncodeContext ctx) {
        return FdbRequests.delete(ctx.ifindex(link), link, entry);
    }

    @Override
    public String ipCommand(String verb) {
        return FdbRequests.command(verb, link, entry);
    }

    @Override
    public void own(Ledger ledger) {
        OwnedOnLink.own(ledger, FdbType.TYPE, link, entry);
    }

    @Override
    public void disown(Ledger ledger) {
        OwnedOnLink.disown(ledger, FdbType.TYPE, link, entry);
    }
}
