package io.vlinkd.daemon.resource.mdb;

import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.ObjectForm;
import io.vlinkd.daemon.resource.ObjectForm.Ledgered;
import io.vlinkd.daemon.resource.ResourceObject;
import io.vlinkd.netlink.route.MdbRequests;
import io.vlinkd.netlink.route.MdbSpec;

/**
 * {@code bridge mdb add dev BRIDGE port PORT grp GROUP permanent [vid V]}, on the bridge. Every setting is part of
 * the key: an entry is added and deleted, never replaced.
 */
final class MdbObject {
    private static final ObjectForm<MdbSpec> FORM = ObjectForm.replacedByAdd(e -> "mdb entry " + e,
            Phase.ADD_MDB, Phase.DELETE_MDB,
            (ctx, bridge, e, protocol) -> MdbRequests.add(ctx.ifindex(bridge), bridge, ctx.ifindex(e.port()), e),
            (ctx, bridge, e, protocol) -> MdbRequests.delete(ctx.ifindex(bridge), bridge, ctx.ifindex(e.port()), e),
            (verb, bridge, e, protocol) -> MdbRequests.command(verb, bridge, e),
            Ledgered.onLink(MdbType.TYPE, e -> e));

    private MdbObject() {
    }

    /** The MDB takes no protocol before kernel 6.3: vlinkd's entries are known by the ledger alone. */
    static ResourceObject<MdbSpec> of(String bridge, MdbSpec entry) {
        return FORM.on(bridge, entry, 0);
    }
}
