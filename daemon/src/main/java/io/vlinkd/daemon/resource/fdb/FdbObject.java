package io.vlinkd.daemon.resource.fdb;

import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.ObjectForm;
import io.vlinkd.daemon.resource.ObjectForm.Ledgered;
import io.vlinkd.daemon.resource.ResourceObject;
import io.vlinkd.netlink.route.FdbRequests;
import io.vlinkd.netlink.route.FdbSpec;

/**
 * {@code bridge fdb replace MAC dev PORT master static [vlan V]} or {@code bridge fdb append MAC dev VXLAN dst IP
 * ... self permanent}. Every setting of an entry is part of its key, so it is never replaced in place: the add of
 * a port's entry is a replace only to take the place of what the bridge learned for that MAC.
 */
final class FdbObject {
    private static final ObjectForm<FdbSpec> FORM = ObjectForm.replacedByAdd(e -> "fdb entry " + e,
            Phase.ADD_FDB, Phase.DELETE_FDB,
            (ctx, link, e, protocol) -> FdbRequests.add(ctx.ifindex(link), link, e),
            (ctx, link, e, protocol) -> FdbRequests.delete(ctx.ifindex(link), link, e),
            (verb, link, e, protocol) -> FdbRequests.command(verb, link, e),
            Ledgered.onLink(FdbType.TYPE, e -> e));

    private FdbObject() {
    }

    /** The FDB has no protocol attribute: vlinkd's entries are known by the ledger alone. */
    static ResourceObject<FdbSpec> of(String link, FdbSpec entry) {
        return FORM.on(link, entry, 0);
    }
}
