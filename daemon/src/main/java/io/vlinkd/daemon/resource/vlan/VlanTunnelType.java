package io.vlinkd.daemon.resource.vlan;

import io.vlinkd.config.DesiredState;
import io.vlinkd.config.VlanTunnelSection;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.ListedOnEntry;
import io.vlinkd.netlink.route.BridgeVlanMessage;
import io.vlinkd.netlink.route.BridgeVlanRequests;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.route.VlanTunnel;
import java.util.List;
import java.util.Optional;

/**
 * VLAN-to-tunnel mappings of bridge ports ({@code vlan-tunnel:} of a VXLAN port's entry), keyed by port and VLAN
 * ({@link VlanTunnelKey}) and recorded in the ledger as {@code vlan-tunnel LINK IFINDEX VID}. A mapping has no
 * protocol attribute, so the ledger alone says what is vlinkd's; a listed mapping already there is claimed.
 * vlinkd's mappings that leave the config are deleted, nobody else's; a VLAN mapped to another id is deleted and
 * added (the kernel keeps one id per VLAN). The kernel reports them with the port's VLANs, in the same AF_BRIDGE
 * link messages ({@link BridgeVlanType} says how the view follows them); they go with the VLAN, and with the port
 * when it leaves its bridge.
 */
public final class VlanTunnelType extends PortVlanType<VlanTunnelKey, VlanTunnel, ObservedVlanTunnel> {

    public static final VlanTunnelType TYPE = new VlanTunnelType();

    private VlanTunnelType() {
        super(VlanTunnelSection.SECTION, new Basics("vlan tunnel", Rtnl.RTNLGRP_LINK, BridgeVlanRequests::dump,
                false, "vlan-tunnel", "VID"));
    }

    @Override
    int vid(ObservedVlanTunnel observed) {
        return observed.tunnel().vid();
    }

    @Override
    List<ObservedVlanTunnel> in(BridgeVlanMessage message) {
        return message.tunnels().stream().map(t -> new ObservedVlanTunnel(message.index(), t)).toList();
    }

    @Override
    public VlanTunnelKey key(ListedOnEntry<VlanTunnel> desired) {
        return new VlanTunnelKey(desired.entry().name(), desired.spec().vid());
    }

    @Override
    public KernelObject object(ListedOnEntry<VlanTunnel> desired, int protocol) {
        return VlanTunnelObject.of(desired.entry().name(), desired.spec());
    }

    @Override
    public VlanTunnelKey observedKey(ObservedVlanTunnel observed, ObservedState state) {
        return new VlanTunnelKey(state.nameOf(observed.index()), observed.tunnel().vid());
    }

    @Override
    public String snapshotLine(ObservedVlanTunnel observed, ObservedState state) {
        return state.nameOf(observed.index()) + " vlan " + observed.tunnel();
    }

    @Override
    public int ifindex(ObservedVlanTunnel observed) {
        return observed.index();
    }

    @Override
    public boolean kernels(ObservedVlanTunnel observed) {
        return false;
    }

    @Override
    public boolean matches(ListedOnEntry<VlanTunnel> want, ObservedVlanTunnel have, ObservedState observed) {
        return want.spec().equals(have.tunnel());
    }

    @Override
    public boolean replacesInPlace(ListedOnEntry<VlanTunnel> want, ObservedVlanTunnel have) {
        return false;
    }

    @Override
    public KernelObject observedObject(ObservedVlanTunnel have, ObservedState observed) {
        return VlanTunnelObject.of(observed.nameOf(have.index()), have.tunnel());
    }

    @Override
    public String differentOne(VlanTunnelKey key, ObservedVlanTunnel have) {
        return "a mapping " + have.tunnel() + " on " + key.link() + " exists";
    }

    @Override
    public Optional<ForeignObject> foreign(ObservedVlanTunnel have, String on, DesiredState desired) {
        return Optional.of(new ForeignObject(noun(), on, have.tunnel().toString(), ""));
    }

    @Override
    public String claimedWithoutLedger() {
        return "vlan tunnel mappings exactly as configured";
    }
}
