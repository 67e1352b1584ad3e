package io.vlinkd.daemon.resource.vlan;

import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.OwnedOnLink;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.route.BridgeVlanRequests;
import io.vlinkd.netlink.route.VlanTunnel;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * {@code bridge vlan add dev PORT vid VID tunnel_info id ID}. A VLAN's mapping to another id is deleted and added
 * (the kernel refuses a second id for a mapped VLAN, EEXIST), never replaced.
 */
public record VlanTunnelObject(String link, VlanTunnel tunnel) implements KernelObject {
    @Override
    public String noun() {
        return "vlan tunnel " + tunnel;
    }

    /** A mapping has no protocol attribute: vlinkd's are known by the ledger alone. */
    @Override
    public int protocol() {
        return 0;
    }

    /** After the port's VLANs, which it maps. */
    @Override
    public Phase addPhase() {
        return Phase.ADD_VLAN_TUNNEL;
    }

    /** Before the port's VLANs, which take their mappings along. */
    @Override
    public Phase deletePhase() {
        return Phase.DELETE_VLAN_TUNNEL;
    }

    @Override
    public NlRequest add(EncodeContext ctx) {
        return BridgeVlanRequests.addTunnel(ctx.ifindex(link), link, tunnel);
    }

    @Override
    public NlRequest replace(EncodeContext ctx) {
        return add(ctx);
    }

    @Override
    public NlRequest delete(EncodeContext ctx) {
        return BridgeVlanRequests.deleteTunnel(ctx.ifindex(link), link, tunnel);
    }

    @Override
    public String ipCommand(String verb) {
        return BridgeVlanRequests.command(verb.equals("del") ? "del" : "add", link, tunnel);
    }

    @Override
    public void own(Ledger ledger) {
        OwnedOnLink.own(ledger, VlanTunnelType.TYPE, link, tunnel.vid());
    }

    @Override
    public void disown(Ledger ledger) {
        OwnedOnLink.disown(ledger, VlanTunnelType.TYPE, link, tunnel.vid());
    }
}
