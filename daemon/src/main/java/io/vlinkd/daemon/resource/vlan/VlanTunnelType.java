package io.vlinkd.daemon.resource.vlan;

import io.vlinkd.config.DesiredState;
import io.vlinkd.config.VlanTunnelSection;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.EntryListType;
import io.vlinkd.daemon.resource.ListedOnEntry;
import io.vlinkd.daemon.resource.OwnedOnLink;
import io.vlinkd.daemon.state.LedgerFields;
import io.vlinkd.netlink.route.BridgeVlanMessage;
import io.vlinkd.netlink.route.BridgeVlanRequests;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.route.VlanTunnel;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * VLAN-to-tunnel mappings of bridge ports ({@code vlan-tunnel:} of a VXLAN port's entry), keyed by port and VLAN
 * ({@link VlanTunnelKey}) and recorded in the ledger as {@code vlan-tunnel LINK IFINDEX VID}. A mapping has no
 * protocol attribute, so the ledger alone says what is vlinkd's; a listed mapping already there is claimed.
 * vlinkd's mappings that leave the config are deleted, nobody else's; a VLAN mapped to another id is deleted and
 * added (the kernel keeps one id per VLAN). The kernel reports them with the port's VLANs, in the same AF_BRIDGE
 * link messages ({@link BridgeVlanType} says how the view follows them); they go with the VLAN, and with the port
 * when it leaves its bridge.
 */
public final class VlanTunnelType extends EntryListType<VlanTunnelKey, VlanTunnel, ObservedVlanTunnel, Integer> {

    public static final VlanTunnelType TYPE = new VlanTunnelType();

    private VlanTunnelType() {
        super(VlanTunnelSection.SECTION, new Basics("vlan tunnel", Rtnl.RTNLGRP_LINK, BridgeVlanRequests::dump,
                false, "vlan-tunnel", "VID"));
    }

    /** Announced with the port's whole list of VLANs, as {@link BridgeVlanType}'s. */
    @Override
    public boolean announcedExactly() {
        return false;
    }

    @Override
    public boolean inLinkNotification(NlMessage message) {
        return BridgeVlanType.TYPE.inLinkNotification(message);
    }

    @Override
    public Object identity(ObservedVlanTunnel observed) {
        return List.of(observed.index(), observed.tunnel().vid());
    }

    @Override
    public Optional<ObservedVlanTunnel> decode(NlMessage message) throws MalformedMessageException {
        List<ObservedVlanTunnel> all = decodeAll(message);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    @Override
    public List<ObservedVlanTunnel> decodeAll(NlMessage message) throws MalformedMessageException {
        Optional<BridgeVlanMessage> m = BridgeVlanMessage.decode(message);
        List<ObservedVlanTunnel> out = new ArrayList<>();
        m.ifPresent(x -> x.tunnels().forEach(t -> out.add(new ObservedVlanTunnel(x.index(), t))));
        return out;
    }

    @Override
    public VlanTunnelKey key(ListedOnEntry<VlanTunnel> desired) {
        return new VlanTunnelKey(desired.entry().name(), desired.spec().vid());
    }

    /** Its port and the port's bridge. */
    @Override
    public Set<String> needs(ListedOnEntry<VlanTunnel> desired) {
        Set<String> needs = new HashSet<>(Set.of(desired.entry().name()));
        desired.entry().link().master().ifPresent(needs::add);
        return needs;
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
    public boolean marked(ObservedVlanTunnel observed, int protocol) {
        return false;
    }

    @Override
    public OwnedOnLink<Integer> line(ObservedVlanTunnel observed, ObservedState state) {
        return new OwnedOnLink<>(state.nameOf(observed.index()), observed.index(), observed.tunnel().vid());
    }

    @Override
    protected void writeWhat(Integer vid, StringBuilder to) {
        to.append(vid);
    }

    @Override
    protected Integer readWhat(String[] f) throws LedgerFields.BadLine {
        return Vid.read(f[3]);
    }

    @Override
    public String claimedWithoutLedger() {
        return "vlan tunnel mappings exactly as configured";
    }
}
