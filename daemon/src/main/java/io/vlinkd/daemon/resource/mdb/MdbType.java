package io.vlinkd.daemon.resource.mdb;

import io.vlinkd.config.DesiredState;
import io.vlinkd.config.MdbSection;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.EntryListType;
import io.vlinkd.daemon.resource.ListedOnEntry;
import io.vlinkd.daemon.resource.OwnedOnLink;
import io.vlinkd.daemon.state.LedgerFields;
import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.route.MdbEntry;
import io.vlinkd.netlink.route.MdbMessage;
import io.vlinkd.netlink.route.MdbRequests;
import io.vlinkd.netlink.route.MdbSpec;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Permanent multicast database entries of a bridge ({@code mdb:} of a bridge's entry), keyed by bridge, port, group
 * and VLAN ({@link MdbKey}) and recorded in the ledger as {@code mdb LINK IFINDEX PORT GROUP VLAN} (LINK: the
 * bridge). Before kernel 6.3 an entry takes no protocol, so the ledger alone says what is vlinkd's; a listed entry
 * already there is claimed.
 * vlinkd's entries that leave the config are deleted; entries the bridge snooped (temporary) and everyone else's
 * are never touched. An entry needs its bridge and its port, and is added anew when the plan re-creates either.
 */
public final class MdbType extends EntryListType<MdbKey, MdbSpec, ObservedMdb, MdbSpec> {

    public static final MdbType TYPE = new MdbType();

    private static final String NONE = "-";

    private MdbType() {
        super(MdbSection.SECTION,
                new Basics("mdb entry", Rtnl.RTNLGRP_MDB, MdbRequests::dump, false, "mdb", "PORT GROUP VLAN"));
    }

    /** The kernel's identity of an entry: its bridge, port, group and VLAN. */
    @Override
    public Object identity(ObservedMdb observed) {
        return List.of(observed.bridge(), observed.port(), observed.group(), observed.vlan());
    }

    /** The first entry of a notification (which carries one). */
    @Override
    public Optional<ObservedMdb> decode(NlMessage message) throws MalformedMessageException {
        return decodeFirst(message);
    }

    /** Every entry of a dump's message (one bridge's database). */
    @Override
    public List<ObservedMdb> decodeAll(NlMessage message) throws MalformedMessageException {
        MdbMessage m = MdbMessage.decode(message);
        List<ObservedMdb> out = new ArrayList<>();
        for (MdbMessage.Entry e : m.entries()) {
            MdbEntry x = e.entry();
            out.add(new ObservedMdb(m.bridge(), x.port(), x.group(), x.vlan(), x.state(), e.protocol()));
        }
        return out;
    }

    @Override
    public MdbKey key(ListedOnEntry<MdbSpec> desired) {
        return new MdbKey(desired.entry().name(), desired.spec());
    }

    @Override
    public Set<String> needs(ListedOnEntry<MdbSpec> desired) {
        return Set.of(desired.entry().name(), desired.spec().port());
    }

    @Override
    public KernelObject object(ListedOnEntry<MdbSpec> desired, int protocol) {
        return MdbObject.of(desired.entry().name(), desired.spec());
    }

    @Override
    public MdbKey observedKey(ObservedMdb observed, ObservedState state) {
        return new MdbKey(state.nameOf(observed.bridge()), spec(observed, state));
    }

    private static MdbSpec spec(ObservedMdb o, ObservedState state) {
        return new MdbSpec(state.nameOf(o.port()), o.group(), o.vlan() == 0 ? Optional.empty()
                : Optional.of(o.vlan()));
    }

    @Override
    public String snapshotLine(ObservedMdb observed, ObservedState state) {
        return state.nameOf(observed.bridge()) + " mdb " + spec(observed, state) + " state " + observed.state();
    }

    /** The port: the entry goes when the port leaves the bridge (and with the bridge). */
    @Override
    public int ifindex(ObservedMdb observed) {
        return observed.port();
    }

    /** Snooped from IGMP/MLD reports: temporary, or marked RTPROT_KERNEL. */
    @Override
    public boolean kernels(ObservedMdb observed) {
        return observed.state() != MdbEntry.PERMANENT || observed.protocol() == Rtnl.RTPROT_KERNEL;
    }

    @Override
    public boolean matches(ListedOnEntry<MdbSpec> want, ObservedMdb have, ObservedState observed) {
        return true;
    }

    @Override
    public KernelObject observedObject(ObservedMdb have, ObservedState observed) {
        return MdbObject.of(observed.nameOf(have.bridge()), spec(have, observed));
    }

    @Override
    public String differentOne(MdbKey key, ObservedMdb have) {
        return "a snooped (temporary) entry " + key + " exists";
    }

    @Override
    public Optional<ForeignObject> foreign(ObservedMdb have, String on, DesiredState desired) {
        return Optional.of(new ForeignObject(noun(), on, "grp " + IpText.format(have.group()), "port index "
                + have.port()));
    }

    @Override
    public OwnedOnLink<MdbSpec> line(ObservedMdb observed, ObservedState state) {
        return new OwnedOnLink<>(state.nameOf(observed.bridge()), observed.bridge(), spec(observed, state));
    }

    @Override
    protected void writeWhat(MdbSpec e, StringBuilder to) {
        to.append(e.port()).append(' ').append(IpText.format(e.group())).append(' ')
                .append(e.vlan().map(String::valueOf).orElse(NONE));
    }

    @Override
    protected MdbSpec readWhat(String[] f) throws LedgerFields.BadLine {
        String bad = LedgerFields.checkName(f[3]);
        InetAddress group = LedgerFields.address(f[4]);
        if (bad == null && (group == null || !group.isMulticastAddress())) {
            bad = "GROUP is not a multicast address";
        }
        int vlan = f[5].equals(NONE) ? 0 : LedgerFields.number(f[5]);
        if (bad == null && (vlan < 0 || vlan > 4094 || vlan == 0 && !f[5].equals(NONE))) {
            bad = "VLAN is not - or 1..4094";
        }
        if (bad != null) {
            throw new LedgerFields.BadLine(bad);
        }
        return new MdbSpec(f[3], group, vlan == 0 ? Optional.empty() : Optional.of(vlan));
    }

    @Override
    public String claimedWithoutLedger() {
        return "mdb entries exactly as configured";
    }
}
