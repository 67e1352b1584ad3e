package io.vlinkd.daemon.resource.fdb;

import io.vlinkd.config.DesiredState;
import io.vlinkd.config.FdbSection;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.EntryListType;
import io.vlinkd.daemon.resource.ListedOnEntry;
import io.vlinkd.daemon.resource.OwnedOnLink;
import io.vlinkd.daemon.state.LedgerFields;
import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.route.FdbMessage;
import io.vlinkd.netlink.route.FdbRequests;
import io.vlinkd.netlink.route.FdbSpec;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MacAddress;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;

/**
 * Forwarding database entries ({@code fdb:} of an interface entry): a bridge port's static entries and a VXLAN's
 * remotes, keyed by interface and every setting ({@link FdbKey}) and recorded in the ledger as
 * {@code fdb LINK IFINDEX MAC VLAN DST VNI PORT STICKY}. The FDB has no protocol attribute, so the ledger alone says
 * what is vlinkd's; an entry the config lists that is already there is claimed (a lost ledger heals for listed
 * entries).
 * vlinkd's entries that leave the config are deleted; entries the kernel made (learned from traffic, a bridge's
 * local entries, devices' address lists) and everyone else's are never touched. A port's configured entry takes
 * the place of what the bridge learned for its MAC ({@link #writesOverKernels}).
 *
 * <p>The kernel drops a port's entries when the port leaves its bridge or the bridge is deleted, and a VXLAN's with
 * the VXLAN: a port's entry therefore needs both its port and its bridge, and is added anew when the plan re-creates
 * either.
 */
public final class FdbType extends EntryListType<FdbKey, FdbSpec, ObservedFdb, FdbSpec> {

    public static final FdbType TYPE = new FdbType();

    private static final String NONE = "-";
    private static final String STICKY = "sticky";

    private FdbType() {
        super(FdbSection.SECTION,
                new Basics("fdb entry", Rtnl.RTNLGRP_NEIGH, FdbRequests::dump, false, "fdb",
                        "MAC VLAN DST VNI PORT STICKY"));
    }

    @Override
    public Object identity(ObservedFdb observed) {
        return new FdbIdentity(observed.index(), observed.entry(), observed.flags() & Rtnl.NTF_MASTER);
    }

    private record FdbIdentity(int index, FdbSpec entry, int master) {
    }

    /**
     * A bridge reports a port's entry with NDA_MASTER (its own index) and without NTF_MASTER, which a request
     * carries: the observed entry has NTF_MASTER either way.
     */
    @Override
    public Optional<ObservedFdb> decode(NlMessage message) throws MalformedMessageException {
        return FdbMessage.decode(message).map(m -> new ObservedFdb(m.header().index(), m.entry(), m.header().state(),
                m.header().flags() | (m.master() != 0 ? Rtnl.NTF_MASTER : 0)));
    }

    @Override
    public FdbKey key(ListedOnEntry<FdbSpec> desired) {
        return new FdbKey(desired.entry().name(), desired.spec());
    }

    /** Its interface, and a port's entry its bridge too. */
    @Override
    public Set<String> needs(ListedOnEntry<FdbSpec> desired) {
        return desired.spec().isRemote() ? super.needs(desired) : withBridge(desired);
    }

    @Override
    public KernelObject object(ListedOnEntry<FdbSpec> desired, int protocol) {
        return FdbObject.of(desired.entry().name(), desired.spec());
    }

    @Override
    public FdbKey observedKey(ObservedFdb observed, ObservedState state) {
        return new FdbKey(state.nameOf(observed.index()), observed.entry());
    }

    @Override
    public String snapshotLine(ObservedFdb observed, ObservedState state) {
        return state.nameOf(observed.index()) + " fdb " + observed.entry() + " state " + observed.state()
                + " flags " + observed.flags();
    }

    @Override
    public int ifindex(ObservedFdb observed) {
        return observed.index();
    }

    @Override
    public boolean kernels(ObservedFdb observed) {
        return observed.isKernels();
    }

    @Override
    public boolean writesOverKernels() {
        return true;
    }

    /** Every setting is in the key: an entry at the key is the configured one. */
    @Override
    public boolean matches(ListedOnEntry<FdbSpec> want, ObservedFdb have, ObservedState observed) {
        return true;
    }

    @Override
    public KernelObject observedObject(ObservedFdb have, ObservedState observed) {
        return FdbObject.of(observed.nameOf(have.index()), have.entry());
    }

    @Override
    public String differentOne(FdbKey key, ObservedFdb have) {
        return "fdb entry " + key + " exists";
    }

    @Override
    public Optional<ForeignObject> foreign(ObservedFdb have, String on, DesiredState desired) {
        return Optional.of(new ForeignObject(noun(), on, have.entry().toString(),
                (have.flags() & Rtnl.NTF_MASTER) != 0 ? "master" : "self"));
    }

    @Override
    public OwnedOnLink<FdbSpec> line(ObservedFdb observed, ObservedState state) {
        return new OwnedOnLink<>(state.nameOf(observed.index()), observed.index(), observed.entry());
    }

    @Override
    protected void writeWhat(FdbSpec e, StringBuilder to) {
        to.append(e.mac()).append(' ')
                .append(e.vlan().map(String::valueOf).orElse(NONE)).append(' ')
                .append(e.dst().map(IpText::format).orElse(NONE)).append(' ')
                .append(e.vni().map(String::valueOf).orElse(NONE)).append(' ')
                .append(e.port().map(String::valueOf).orElse(NONE)).append(' ')
                .append(e.sticky() ? STICKY : NONE);
    }

    @Override
    protected FdbSpec readWhat(String[] f) throws LedgerFields.BadLine {
        String bad = null;
        MacAddress mac = null;
        try {
            mac = MacAddress.parse(f[3]);
        } catch (IllegalArgumentException e) {
            bad = "MAC is not a MAC address";
        }
        Optional<Integer> vlan = optional(f[4], 1, 4094);
        InetAddress dst = f[5].equals(NONE) ? null : LedgerFields.address(f[5]);
        Optional<Integer> vni = optional(f[6], 0, 0xffffff);
        Optional<Integer> port = optional(f[7], 1, 65535);
        if (bad == null && vlan == null) {
            bad = "VLAN is not - or 1..4094";
        }
        if (bad == null && !f[5].equals(NONE) && dst == null) {
            bad = "DST is not - or an IP address";
        }
        if (bad == null && (vni == null || port == null)) {
            bad = vni == null ? "VNI is not - or a VNI" : "PORT is not - or a port number";
        }
        if (bad == null && !f[8].equals(NONE) && !f[8].equals(STICKY)) {
            bad = "STICKY is not - or sticky";
        }
        if (bad != null) {
            throw new LedgerFields.BadLine(bad);
        }
        return new FdbSpec(mac, vlan, Optional.ofNullable(dst), vni.map(Long::valueOf), port, f[8].equals(STICKY));
    }

    /** Empty for {@code -}, the number when it is within min..max, null when it is not. */
    private static Optional<Integer> optional(String text, int min, int max) {
        if (text.equals(NONE)) {
            return Optional.empty();
        }
        int n = LedgerFields.number(text);
        return n < min || n > max ? null : Optional.of(n);
    }

    @Override
    public String claimedWithoutLedger() {
        return "fdb entries exactly as configured";
    }
}
