package io.vlinkd.daemon.resource.mdb;

import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.OwnedOnLink;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.route.MdbRequests;
import io.vlinkd.netlink.route.MdbSpec;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * {@code bridge mdb add dev BRIDGE port PORT grp GROUP permanent [vid V]}. Every setting is part of the key: an entry
 * is added and deleted, never replaced.
 */
public record MdbObject(String bridge, MdbSpec entry) implements KernelObject {
    @Override
    public String link() {
        return bridge;
    }

    @Override
    public String noun() {
        return "mdb entry " + entry;
    }

    /** The MDB takes no protocol before kernel 6.3: vlinkd's entries are known by the ledger alone. */
    @Override
    public int protocol() {
        return 0;
    }

    @Override
    public Phase addPhase() {
        return Phase.ADD_MDB;
    }

    @Override
    public Phase deletePhase() {
        return Phase.DELETE_MDB;
    }

    @Override
    public NlRequest add(EncodeContext ctx) {
        return MdbRequests.add(ctx.ifindex(bridge), bridge, ctx.ifindex(entry.port()), entry);
    }

    @Override
    public NlRequest replace(EncodeContext ctx) {
        return add(ctx);
    }

    @Override
    public NlRequest delete(EncodeContext ctx) {
        return MdbRequests.delete(ctx.ifindex(bridge), bridge, ctx.ifindex(entry.port()), entry);
    }

    @Override
    public String ipCommand(String verb) {
        return MdbRequests.command(verb, bridge, entry);
    }

    @Override
    public void own(Ledger ledger) {
        OwnedOnLink.own(ledger, MdbType.TYPE, bridge, entry);
    }

    @Override
    public void disown(Ledger ledger) {
        OwnedOnLink.disown(ledger, MdbType.TYPE, bridge, entry);
    }
}
