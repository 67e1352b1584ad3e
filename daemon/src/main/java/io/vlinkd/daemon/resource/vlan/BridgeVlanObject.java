package io.vlinkd.daemon.resource.vlan;

import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.ObjectForm;
import io.vlinkd.daemon.resource.ObjectForm.Ledgered;
import io.vlinkd.daemon.resource.ResourceObject;
import io.vlinkd.netlink.route.BridgeVlan;
import io.vlinkd.netlink.route.BridgeVlanRequests;

/**
 * {@code bridge vlan add vid VID dev DEV [pvid] [untagged] [self]} ({@code self}: on the bridge itself). An add of
 * a VLAN the interface has sets its flags, so a replace is the same request, and its command is
 * {@code bridge vlan add}. A bridge VLAN has no protocol attribute: vlinkd's are known by the ledger alone.
 */
final class BridgeVlanObject {
    private static final ObjectForm<BridgeVlan> MASTER = form(false);
    private static final ObjectForm<BridgeVlan> SELF = form(true);

    private BridgeVlanObject() {
    }

    static ResourceObject<BridgeVlan> of(String link, boolean self, BridgeVlan vlan) {
        return (self ? SELF : MASTER).on(link, vlan, 0);
    }

    private static ObjectForm<BridgeVlan> form(boolean self) {
        return ObjectForm.replacedByAdd(v -> "bridge vlan " + v, Phase.ADD_VLAN, Phase.DELETE_VLAN,
                (ctx, link, v, protocol) -> BridgeVlanRequests.add(ctx.ifindex(link), link, self, v),
                (ctx, link, v, protocol) -> BridgeVlanRequests.delete(ctx.ifindex(link), link, self, v),
                (verb, link, v, protocol) -> BridgeVlanRequests.command(verb.equals("del") ? "del" : "add", link,
                        self, v),
                Ledgered.onLink(BridgeVlanType.TYPE, BridgeVlan::vid));
    }
}
