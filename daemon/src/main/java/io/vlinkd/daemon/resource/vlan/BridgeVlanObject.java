package io.vlinkd.daemon.resource.vlan;

import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.OwnedOnLink;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.route.BridgeVlan;
import io.vlinkd.netlink.route.BridgeVlanRequests;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * {@code bridge vlan add vid VID dev DEV [pvid] [untagged] [self]} ({@code self}: on the bridge itself). An add of
 * a VLAN the interface has sets its flags, so a replace is the same request.
 */
public record BridgeVlanObject(String link, boolean self, BridgeVlan vlan) implements KernelObject {
    @Override
    public String noun() {
        return "bridge vlan " + vlan;
    }

    /** A bridge VLAN has no protocol attribute: vlinkd's are known by the ledger alone. */
    @Override
    public int protocol() {
        return 0;
    }

    @Override
    public Phase addPhase() {
        return Phase.ADD_VLAN;
    }

    @Override
    public Phase deletePhase() {
        return Phase.DELETE_VLAN;
    }

    @Override
    public NlRequest add(EncodeContext ctx) {
        return BridgeVlanRequests.add(ctx.ifindex(link), link, self, vlan);
    }

    @Override
    public NlRequest replace(EncodeContext ctx) {
        return add(ctx);
    }

    @Override
    public NlRequest delete(EncodeContext ctx) {
        return BridgeVlanRequests.delete(ctx.ifindex(link), link, self, vlan);
    }

    /** {@code replace} is {@code bridge vlan add}, which sets the flags of a VLAN the interface has. */
    @Override
    public String ipCommand(String verb) {
        return BridgeVlanRequests.command(verb.equals("del") ? "del" : "add", link, self, vlan);
    }

    @Override
    public void own(Ledger ledger) {
        OwnedOnLink.own(ledger, BridgeVlanType.TYPE, link, vlan.vid());
    }

    @Override
    public void disown(Ledger ledger) {
        OwnedOnLink.disown(ledger, BridgeVlanType.TYPE, link, vlan.vid());
    }
}
