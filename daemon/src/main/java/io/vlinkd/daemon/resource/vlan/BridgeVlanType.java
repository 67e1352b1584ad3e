package io.vlinkd.daemon.resource.vlan;

import io.vlinkd.config.BridgeVlanSection;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.ListedOnEntry;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.route.BridgeVlan;
import io.vlinkd.netlink.route.BridgeVlanMessage;
import io.vlinkd.netlink.route.BridgeVlanRequests;
import io.vlinkd.netlink.route.Rtnl;
import java.util.List;
import java.util.Optional;

/**
 * The VLANs of bridge ports and of VLAN-filtering bridges themselves ({@code vlans:} of an interface entry), keyed by
 * interface and vid ({@link BridgeVlanKey}) and recorded in the ledger as {@code vlan LINK IFINDEX VID}; a listed
 * VLAN's flags (pvid, untagged) are changed in place. A VLAN has no protocol attribute, so the ledger alone says
 * what is vlinkd's; a listed VLAN already there as configured is claimed. vlinkd's VLANs that leave the config are
 * deleted, nobody else's.
 *
 * <p>The kernel's default VLAN of a port (and of the bridge), vid 1 untagged, pvid until a configured PVID takes
 * the flag ({@link ObservedBridgeVlan#isKernels}), is never deleted; when the config lists vid 1 it is claimed, so a
 * listed vid 1 with other flags replaces it in place (vlinkd's from then on: deleted when it leaves the config,
 * unless it is untagged as the kernel's is). An operator who wants ports without it sets {@code default-pvid: 0} on
 * the bridge.
 *
 * <p>The kernel reports a port's VLANs in AF_BRIDGE link messages, the whole list at once, and announces a change as
 * an RTM_NEWLINK of that family on the link group (br_ifinfo_notify), with nothing that says which VLAN changed:
 * the view dumps the VLANs again after one ({@link #inLinkNotification}). A port's VLANs go when it leaves its
 * bridge (nbp_vlan_flush): a VLAN needs its port and the bridge, and is added anew when the plan re-creates either.
 */
public final class BridgeVlanType extends PortVlanType<BridgeVlanKey, BridgeVlan, ObservedBridgeVlan> {

    public static final BridgeVlanType TYPE = new BridgeVlanType();

    private BridgeVlanType() {
        super(BridgeVlanSection.SECTION,
                new Basics("bridge vlan", Rtnl.RTNLGRP_LINK, BridgeVlanRequests::dump, false, "vlan", "VID"));
    }

    @Override
    int vid(ObservedBridgeVlan observed) {
        return observed.vlan().vid();
    }

    @Override
    List<ObservedBridgeVlan> in(BridgeVlanMessage message) {
        return message.vlans().stream().map(v -> new ObservedBridgeVlan(message.index(), message.self(), v)).toList();
    }

    @Override
    public BridgeVlanKey key(ListedOnEntry<BridgeVlan> desired) {
        return new BridgeVlanKey(desired.entry().name(), desired.spec().vid());
    }

    @Override
    public KernelObject object(ListedOnEntry<BridgeVlan> desired, int protocol) {
        boolean self = desired.entry().link().kind() != null && desired.entry().link().kind().name().equals("bridge");
        return BridgeVlanObject.of(desired.entry().name(), self, desired.spec());
    }

    @Override
    public BridgeVlanKey observedKey(ObservedBridgeVlan observed, ObservedState state) {
        return new BridgeVlanKey(state.nameOf(observed.index()), observed.vlan().vid());
    }

    @Override
    public String snapshotLine(ObservedBridgeVlan observed, ObservedState state) {
        return state.nameOf(observed.index()) + " vlan " + observed.vlan() + (observed.self() ? " self" : "");
    }

    @Override
    public int ifindex(ObservedBridgeVlan observed) {
        return observed.index();
    }

    @Override
    public boolean kernels(ObservedBridgeVlan observed) {
        return observed.isKernels();
    }

    @Override
    public boolean matches(ListedOnEntry<BridgeVlan> want, ObservedBridgeVlan have, ObservedState observed) {
        return want.spec().equals(have.vlan());
    }

    @Override
    public KernelObject observedObject(ObservedBridgeVlan have, ObservedState observed) {
        return BridgeVlanObject.of(observed.nameOf(have.index()), have.self(), have.vlan());
    }

    @Override
    public String differentOne(BridgeVlanKey key, ObservedBridgeVlan have) {
        return "bridge " + have.vlan() + " on " + key.link() + " exists";
    }

    @Override
    public Optional<ForeignObject> foreign(ObservedBridgeVlan have, String on, DesiredState desired) {
        return Optional.of(new ForeignObject(noun(), on, have.vlan().toString(), have.self() ? "self" : "master"));
    }

    /** Also the kernel's default VLAN at a listed vid, whatever the flags listed: see the class comment. */
    @Override
    public boolean claims(ObservedBridgeVlan observed, ListedOnEntry<BridgeVlan> listed, ObservedState state,
                          Ownership owned, int protocol) {
        return super.claims(observed, listed, state, owned, protocol) || listed != null && observed.isKernels();
    }

    @Override
    public String claimedWithoutLedger() {
        return "bridge vlans exactly as configured, and the kernel's default vlan where the config lists vid 1";
    }
}
