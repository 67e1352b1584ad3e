package io.vlinkd.daemon.resource.vlan;

import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.ObjectForm;
import io.vlinkd.daemon.resource.ObjectForm.Ledgered;
import io.vlinkd.daemon.resource.ResourceObject;
import io.vlinkd.netlink.route.BridgeVlanRequests;
import io.vlinkd.netlink.route.VlanTunnel;

/**
 * {@code bridge vlan add dev PORT vid VID tunnel_info id ID}. A VLAN's mapping to another id is deleted and added
 * (the kernel refuses a second id for a mapped VLAN, EEXIST), never replaced. It is added after the port's VLANs,
 * which it maps, and deleted before them, as they take their mappings along.
 */
final class VlanTunnelObject {
    private static final ObjectForm<VlanTunnel> FORM = ObjectForm.replacedByAdd(t -> "vlan tunnel " + t,
            Phase.ADD_VLAN_TUNNEL, Phase.DELETE_VLAN_TUNNEL,
            (ctx, link, t, protocol) -> BridgeVlanRequests.addTunnel(ctx.ifindex(link), link, t),
            (ctx, link, t, protocol) -> BridgeVlanRequests.deleteTunnel(ctx.ifindex(link), link, t),
            (verb, link, t, protocol) -> BridgeVlanRequests.command(verb.equals("del") ? "del" : "add", link, t),
            Ledgered.onLink(VlanTunnelType.TYPE, VlanTunnel::vid));

    private VlanTunnelObject() {
    }

    /** A mapping has no protocol attribute: vlinkd's are known by the ledger alone. */
    static ResourceObject<VlanTunnel> of(String link, VlanTunnel tunnel) {
        return FORM.on(link, tunnel, 0);
    }
}
