package io.vlinkd.daemon.resource.nexthop;

import io.vlinkd.config.DesiredNexthop;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.state.LedgerFields;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.route.NexthopMessage;
import io.vlinkd.netlink.route.NexthopRequests;
import io.vlinkd.netlink.route.NexthopSpec;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Nexthop objects and groups ({@code nexthops:} in the config, {@code ip nexthop}): keyed by id, marked as vlinkd's
 * by their protocol (nh_protocol, {@code settings.route-protocol}: {@code ip nexthop show protocol 247}) and recorded
 * in the ledger as {@code nexthop ID}. One of vlinkd's that changes is replaced in place (NLM_F_REPLACE: the routes
 * and groups that use it keep it) where the kernel allows it, else deleted and added. Anyone else's nexthop is left
 * alone, even at an id the config lists. The kernel deletes a next hop with its device, without a notification
 * (nexthop_flush_dev), so they are dumped again after notifications.
 */
public final class NexthopType implements ResourceType<Long, DesiredNexthop, ObservedNexthop, OwnedNexthop> {

    public static final NexthopType TYPE = new NexthopType();

    private NexthopType() {
    }

    @Override
    public String noun() {
        return "nexthop";
    }

    @Override
    public List<Integer> eventGroups() {
        return List.of(Rtnl.RTNLGRP_NEXTHOP);
    }

    @Override
    public NlRequest dumpRequest() {
        return NexthopRequests.dump();
    }

    /** Not exactly: a device's deletion removes its next hops silently (remove_nexthop without nlinfo). */
    @Override
    public boolean announcedExactly() {
        return false;
    }

    @Override
    public Object identity(ObservedNexthop observed) {
        return observed.nexthop().id();
    }

    /** A nexthop of RTM_NEWNEXTHOP or RTM_DELNEXTHOP; not one vlinkd cannot write (an encapsulated one). */
    @Override
    public Optional<ObservedNexthop> decode(NlMessage message) throws MalformedMessageException {
        if (message.type() != Rtnl.RTM_NEWNEXTHOP && message.type() != Rtnl.RTM_DELNEXTHOP) {
            return Optional.empty();
        }
        return NexthopMessage.decode(message).map(m -> new ObservedNexthop(m.nexthop(), m.oif(), m.protocol()));
    }

    @Override
    public List<DesiredNexthop> desired(DesiredState desired) {
        return desired.nexthops();
    }

    @Override
    public Long key(DesiredNexthop desired) {
        return desired.nexthop().id();
    }

    @Override
    public SourceLocation where(DesiredNexthop desired) {
        return desired.where();
    }

    @Override
    public Set<String> needs(DesiredNexthop desired) {
        return desired.nexthop().dev().map(Set::of).orElse(Set.of());
    }

    @Override
    public KernelObject object(DesiredNexthop desired, int protocol) {
        return NexthopObject.of(desired.nexthop(), protocol);
    }

    @Override
    public Long observedKey(ObservedNexthop observed, ObservedState state) {
        return observed.nexthop().id();
    }

    /** The nexthop with its device by name. */
    private static NexthopSpec spec(ObservedNexthop o, ObservedState state) {
        return o.oif() == 0 ? o.nexthop() : o.nexthop().withDev(Optional.ofNullable(state.nameOf(o.oif())));
    }

    @Override
    public String snapshotLine(ObservedNexthop observed, ObservedState state) {
        return spec(observed, state) + " proto " + observed.protocol();
    }

    @Override
    public int ifindex(ObservedNexthop observed) {
        return observed.oif();
    }

    /** The kernel makes no nexthop objects of its own. */
    @Override
    public boolean kernels(ObservedNexthop observed) {
        return false;
    }

    @Override
    public boolean matches(DesiredNexthop want, ObservedNexthop have, ObservedState observed) {
        return want.nexthop().equals(spec(have, observed));
    }

    /**
     * In place when the kernel's replace_nexthop takes it: a next hop for a next hop and a group for a group
     * ("Can not replace a nexthop with a nexthop group"), of the same group type ("Can not replace a nexthop group
     * with one of a different type") and, for a resilient group, the same number of buckets ("Can not change
     * number of buckets of a resilient nexthop group"), keeping FDB or not; a blackhole is never changed in place
     * (a group member may not become one).
     */
    @Override
    public boolean replacesInPlace(DesiredNexthop want, ObservedNexthop have) {
        NexthopSpec w = want.nexthop();
        NexthopSpec h = have.nexthop();
        return w.isGroup() == h.isGroup() && w.type() == h.type() && w.fdb() == h.fdb()
                && !w.blackhole() && !h.blackhole()
                && (w.type() != NexthopSpec.GroupType.RESILIENT || w.buckets() == h.buckets());
    }

    @Override
    public KernelObject observedObject(ObservedNexthop have, ObservedState observed) {
        return NexthopObject.of(spec(have, observed), have.protocol());
    }

    @Override
    public String differentOne(Long key, ObservedNexthop have) {
        return "a different nexthop " + have.nexthop() + " has id " + key + " (proto " + have.protocol() + ")";
    }

    /** Not reported: a nexthop is an object of its own, not one on an interface the config defines. */
    @Override
    public Optional<ForeignObject> foreign(ObservedNexthop have, String on, DesiredState desired) {
        return Optional.empty();
    }

    @Override
    public boolean marked(ObservedNexthop observed, int protocol) {
        return observed.protocol() == protocol;
    }

    @Override
    public boolean managedOnItsLink() {
        return false;
    }

    @Override
    public String on(String dev) {
        return "a nexthop on " + dev;
    }

    /** The mark and the ledger together, as for routes: the protocol alone never makes a nexthop vlinkd's. */
    @Override
    public boolean ours(ObservedNexthop observed, boolean recorded, int protocol) {
        return recorded && marked(observed, protocol);
    }

    /** With vlinkd's mark and exactly as the config lists it. */
    @Override
    public boolean claims(ObservedNexthop observed, DesiredNexthop listed, ObservedState state, Ownership owned,
                          int protocol) {
        return listed != null && marked(observed, protocol) && matches(listed, observed, state);
    }

    @Override
    public boolean deletesUnlisted(ObservedNexthop have, boolean ours, DesiredState desired,
                                   ObservedState observed) {
        return ours;
    }

    @Override
    public OwnedNexthop line(ObservedNexthop observed, ObservedState state) {
        return new OwnedNexthop(observed.nexthop().id());
    }

    @Override
    public String ledgerWord() {
        return "nexthop";
    }

    @Override
    public String ledgerFields() {
        return "ID";
    }

    @Override
    public void writeLine(OwnedNexthop line, StringBuilder to) {
        to.append(line.id());
    }

    @Override
    public OwnedNexthop readLine(String[] f) throws LedgerFields.BadLine {
        long id = LedgerFields.u32(f[1]);
        if (id <= 0) {
            throw new LedgerFields.BadLine("ID is not a number 1..4294967295");
        }
        return new OwnedNexthop(id);
    }

    @Override
    public String claimedWithoutLedger() {
        return "nexthops with its protocol exactly as configured";
    }
}
