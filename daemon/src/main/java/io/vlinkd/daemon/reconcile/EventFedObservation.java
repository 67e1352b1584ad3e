package io.vlinkd.daemon.reconcile;

import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.ip.Ipv4Settings;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.socket.EventsLostException;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observed state of one namespace, dumped once and then kept current from the rtnetlink notifications of a
 * socket subscribed before that dump, so that a reconcile that finds nothing to do (a reload of an unchanged config,
 * the repair check after an event of someone else's) costs no dump at all (issue 14, "Observed state kept current
 * from events").
 *
 * <p>Why it is exact: the kernel sends a link's, address's or route's notification while it holds the rtnl lock for
 * the change, before it acknowledges the request. Notifications queued before the dump and replayed on top of it are
 * superseded by the later ones of the same object, which are queued behind them. Where a notification may say less
 * than a dump, or the kernel changes something without one, this view does not guess:
 * <ul>
 *   <li>a link's notification names the link; the link itself is asked for again (RTM_GETLINK by index, the same
 *       fill as a dump). A veth peer created from another namespace is announced before it has its peer, and
 *       without IFLA_LINK_NETNSID; more than {@value #MAX_LINK_QUERIES} links changed at once are dumped instead.
 *       An RTM_DELLINK of family AF_BRIDGE is a port leaving its bridge, not a link deleted;</li>
 *   <li>the objects of a {@link ResourceType} whose every change is announced (addresses) are kept from their
 *       notifications; the others (routes: IPv4 routes flushed because their device went down or lost its address
 *       are removed silently, and an IPv4 address takes the routes whose source it was along, on any device) are
 *       dumped again after their own notifications of a new object, a link's change of master, and a link's
 *       going down or loss of an announced object unless that link turns out deleted; a bridge port's VLANs after
 *       the port's AF_BRIDGE RTM_NEWLINK, which carries its whole list;</li>
 *   <li>a deleted link's objects are all gone with it: they are dropped here without a dump (a repair of one of
 *       2,000 bridges does not read their 6,000 routes again), unless it lost an object that is not the kernel's
 *       own (an address: routes elsewhere may have had it as their source), another link is still attached to it
 *       (its port's or child's notifications may not be read yet), or an object not on any link may go through it
 *       (a multipath route is decoded without its nexthops). A dumped type's object announced deleted is removed
 *       when the view holds it as announced, and ignored when its link is already gone here;</li>
 *   <li>after vlinkd's own writes (what the reconciler verifies), everything is dumped again: verification compares
 *       with the kernel's own answer, as it always did;</li>
 *   <li>lost notifications (ENOBUFS) dump everything again, and so does {@link #invalidate} (the daemon's periodic
 *       re-read, {@code settings.resync-interval}, and every start and reload).</li>
 * </ul>
 * Not thread-safe: the port that owns it serializes its use.
 */
final class EventFedObservation {
    private static final Logger LOG = LoggerFactory.getLogger(EventFedObservation.class);
    static final int MAX_LINK_QUERIES = 64;

    /** Where the dumps and the notifications come from (a {@link NetlinkKernelPort}'s sockets). */
    interface Source {
        List<NlMessage> dumpLinks() throws NetlinkException;

        /** Every object of {@code type} ({@link ResourceType#dumpRequest}). */
        List<NlMessage> dump(ResourceType<?, ?, ?, ?> type) throws NetlinkException;

        /** One link as a dump reports it; empty when it is gone (ENODEV). */
        List<NlMessage> getLink(int index) throws NetlinkException;

        /** The notifications queued now, without waiting; EventsLostException when some were dropped. */
        List<NlMessage> pending() throws NetlinkException;
    }

    private final Source source;
    private final ObservedStateReader reader;

    private final Map<Integer, LinkMessage> linkMessages = new HashMap<>();
    private final Map<Integer, ObservedLink> links = new HashMap<>();
    private final Set<Integer> changedLinks = new LinkedHashSet<>();
    /** The objects of the types whose every change is announced, by identity, in the order first seen. */
    private final Map<ResourceType<?, ?, ?, ?>, Map<Object, Object>> announced = new HashMap<>();
    /** The objects of the other types, as last dumped. */
    private final Map<ResourceType<?, ?, ?, ?>, List<?>> dumped = new HashMap<>();
    /** The types of {@link #dumped} to dump again before the next snapshot. */
    private final Set<ResourceType<?, ?, ?, ?>> toDump = new HashSet<>();
    /**
     * Links that changed flags (went down), lost an announced object or were deleted since the dumped types were
     * read: some of their objects may have gone without a notification. If all of them turn out deleted, their
     * objects are dropped without a dump ({@link #droppedWithTheirLinks}).
     */
    private final Set<Integer> touched = new HashSet<>();
    /** An announced object that is not the kernel's own was lost since the dumped types were read. */
    private boolean lostOwnObject;
    private boolean stale = true;
    private int fullDumps;
    /**
     * The dumps of one {@link #current}, by request: types that ask the kernel the same question share the answer
     * (a bridge's VLANs and their tunnel mappings both come in one AF_BRIDGE link dump).
     */
    private final Map<String, List<NlMessage>> dumpsOfThisRead = new HashMap<>();

    EventFedObservation(Source source, ObservedStateReader reader) {
        this.source = source;
        this.reader = reader;
    }

    /**
     * The next {@link #current} dumps everything: vlinkd wrote to the kernel (verification wants its answer), or the
     * daemon re-reads what no notification announces.
     */
    void invalidate() {
        stale = true;
    }

    /** How many times everything was dumped (benchmarks and tests check that a no-op reconcile dumps nothing). */
    int fullDumps() {
        return fullDumps;
    }

    /** The state as the kernel has it now: the notifications queued so far applied, or a fresh dump. */
    ObservedState current() throws NetlinkException, MalformedMessageException {
        try {
            return read();
        } finally {
            dumpsOfThisRead.clear();
        }
    }

    private ObservedState read() throws NetlinkException, MalformedMessageException {
        if (!stale) {
            try {
                for (NlMessage m : source.pending()) {
                    apply(m);
                }
            } catch (EventsLostException e) {
                LOG.info("notifications were lost (ENOBUFS): dumping everything again");
                stale = true;
            } catch (MalformedMessageException e) {
                // The rest of the batch is gone with it: only a dump tells what it said.
                LOG.warn("a notification could not be read ({}): dumping everything again", e.getMessage());
                stale = true;
            }
        }
        if (!stale && changedLinks.size() > MAX_LINK_QUERIES) {
            stale = true;
        }
        if (stale) {
            dumpAll();
        } else {
            queryChangedLinks();
        }
        if (!touched.isEmpty() && !droppedWithTheirLinks()) {
            dumpSilentlyChangedTypes();
        }
        touched.clear();
        lostOwnObject = false;
        for (ResourceType<?, ?, ?, ?> t : toDump) {
            dumped.put(t, ObservedStateReader.objects(t, dumpOf(t)));
        }
        toDump.clear();
        return snapshot();
    }

    private void dumpAll() throws NetlinkException, MalformedMessageException {
        // Queued notifications describe states the dump already shows or supersedes; dropping them first keeps the
        // queue short (the notifications that arrive during the dump are replayed on top of it next time).
        try {
            source.pending();
        } catch (EventsLostException e) {
            // The dump below replaces whatever was lost.
        }
        List<NlMessage> linkDump = source.dumpLinks();
        linkMessages.clear();
        links.clear();
        for (NlMessage m : linkDump) {
            if (m.type() == Rtnl.RTM_NEWLINK) {
                LinkMessage lm = LinkMessage.decode(m);
                linkMessages.put(lm.index(), lm);
            }
        }
        announced.clear();
        dumped.clear();
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            dumpAll(t);
        }
        changedLinks.clear();
        stale = false;
        toDump.clear();
        touched.clear();
        lostOwnObject = false;
        fullDumps++;
    }

    private <O> void dumpAll(ResourceType<?, ?, O, ?> type) throws NetlinkException, MalformedMessageException {
        List<O> objects = ObservedStateReader.objects(type, dumpOf(type));
        if (type.announcedExactly()) {
            Map<Object, Object> byIdentity = new LinkedHashMap<>();
            objects.forEach(o -> byIdentity.put(type.identity(o), o));
            announced.put(type, byIdentity);
        } else {
            dumped.put(type, objects);
        }
    }

    /**
     * The dump of {@code type}; none when this kernel does not handle it (EOPNOTSUPP): the MDB's RTM_GETMDB is
     * registered by the bridge module, which a host without bridges may not have loaded yet. A later full read
     * (after vlinkd's own writes, which load it by creating a bridge) dumps it. A type whose request another type
     * sent in this read takes that answer.
     */
    private List<NlMessage> dumpOf(ResourceType<?, ?, ?, ?> type) throws NetlinkException {
        String request = new String(type.dumpRequest().bytes(), StandardCharsets.ISO_8859_1);
        List<NlMessage> answer = dumpsOfThisRead.get(request);
        if (answer == null) {
            answer = dump(type);
            dumpsOfThisRead.put(request, answer);
        }
        return answer;
    }

    private List<NlMessage> dump(ResourceType<?, ?, ?, ?> type) throws NetlinkException {
        try {
            return source.dump(type);
        } catch (NetlinkException e) {
            if (e.errno() != Errno.EOPNOTSUPP) {
                throw e;
            }
            LOG.debug("{}: not dumped, this kernel does not handle it yet: {}", type.noun(), e.getMessage());
            return List.of();
        }
    }

    private void apply(NlMessage m) throws MalformedMessageException {
        switch (m.type()) {
            case Rtnl.RTM_NEWLINK -> {
                dumpTypesReportedIn(m);
                LinkMessage lm = LinkMessage.decode(m);
                LinkMessage was = linkMessages.get(lm.index());
                if (was == null || !Objects.equals(was.master(), lm.master())) {
                    dumpSilentlyChangedTypes();
                } else if (was.isUp() && !lm.isUp()) {
                    // Down (NETDEV_DOWN): its IPv4 routes go silently, unless it is being deleted. A carrier
                    // change only marks nexthops linkdown (fib_sync_down_dev), which the view does not hold, and
                    // what going up adds is announced.
                    touched.add(lm.index());
                }
                changedLinks.add(lm.index());
            }
            case Rtnl.RTM_NEWNETCONF -> {
                // An interface's IPv4 setting changed: the link is asked for again, with its devconf.
                int index = Ipv4Settings.netconfIndex(m);
                if (index > 0 && linkMessages.containsKey(index)) {
                    changedLinks.add(index);
                }
            }
            case Rtnl.RTM_DELLINK -> {
                LinkMessage lm = LinkMessage.decode(m);
                int index = lm.index();
                if (!lm.isDeletion()) {
                    changedLinks.add(index); // a port that left its bridge
                    dumpSilentlyChangedTypes();
                    return;
                }
                changedLinks.remove(index);
                deleted(index);
            }
            default -> {
                for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
                    if (apply(t, m)) {
                        return;
                    }
                }
                // Other groups are not subscribed.
            }
        }
    }

    /** Applies {@code m} when it reports an object of {@code type}; false when it does not. */
    private <O> boolean apply(ResourceType<?, ?, O, ?> type, NlMessage m) throws MalformedMessageException {
        Optional<O> o = type.decode(m);
        if (o.isEmpty()) {
            return false;
        }
        // An object on a link deleted here went with it (its deletion was counted then).
        boolean linkGone = type.ifindex(o.get()) != 0 && !linkMessages.containsKey(type.ifindex(o.get()));
        if (!type.announcedExactly()) {
            List<?> held = dumped.get(type);
            if (!Rtnl.isDeletion(m.type()) || held == null || !held.remove(o.get()) && !linkGone) {
                toDump.add(type);
            }
        } else if (Rtnl.isDeletion(m.type())) {
            if (objectsOf(type).remove(type.identity(o.get())) != null || !linkGone) {
                lost(type, o.get());
            }
        } else {
            objectsOf(type).put(type.identity(o.get()), o.get());
        }
        return true;
    }

    /** A link is deleted: its objects went with it. */
    private void deleted(int index) {
        forget(index);
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            forgetObjectsOn(t, index);
        }
        touched.add(index);
    }

    /** An announced object is gone: what the kernel may have changed along with it is read again (see above). */
    private <O> void lost(ResourceType<?, ?, O, ?> type, O o) {
        if (type.ifindex(o) != 0) {
            touched.add(type.ifindex(o));
        }
        if (!type.kernels(o)) {
            lostOwnObject = true; // an IPv4 route whose source it was goes with it, on any device
        }
    }

    /**
     * Drops the objects of the dumped types on the {@link #touched} links when every one of them is deleted and
     * nothing else may have changed silently with them (see the class comment); false, dropping nothing, otherwise.
     */
    private boolean droppedWithTheirLinks() {
        if (lostOwnObject) {
            return false;
        }
        for (int index : touched) {
            if (linkMessages.containsKey(index)) {
                return false; // down or lost an address: some of its IPv4 routes went, not all
            }
        }
        for (LinkMessage lm : linkMessages.values()) {
            if (touched.contains(lm.master()) || touched.contains(lm.link())) {
                return false;
            }
        }
        Map<ResourceType<?, ?, ?, ?>, List<?>> kept = new HashMap<>();
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            if (!t.announcedExactly() && !toDump.contains(t) && dumped.containsKey(t)) {
                List<?> k = keptOf(t);
                if (k == null) {
                    return false;
                }
                kept.put(t, k);
            }
        }
        dumped.putAll(kept);
        return true;
    }

    /** The dumped objects of {@code type} not on a touched link; null when one not on any link may depend on one. */
    private <O> List<O> keptOf(ResourceType<?, ?, O, ?> type) {
        @SuppressWarnings("unchecked") // put by dumpAll and current for this type: its objects
        List<O> objects = (List<O>) dumped.get(type);
        List<O> kept = new ArrayList<>(objects.size());
        for (O o : objects) {
            int index = type.ifindex(o);
            if (touched.contains(index)) {
                continue;
            }
            if (index == 0 && !type.kernels(o)) {
                return null; // a multipath route, decoded without its nexthops, may go through a deleted link
            }
            kept.add(o);
        }
        return kept;
    }

    private Map<Object, Object> objectsOf(ResourceType<?, ?, ?, ?> type) {
        return announced.computeIfAbsent(type, t -> new LinkedHashMap<>());
    }

    private <O> void forgetObjectsOn(ResourceType<?, ?, O, ?> type, int index) {
        if (type.announcedExactly()) {
            @SuppressWarnings("unchecked") // put by dumpAll and apply for this type: its objects
            Map<Object, O> objects = (Map<Object, O>) (Map<Object, ?>) objectsOf(type);
            List<O> gone = new ArrayList<>();
            objects.values().removeIf(o -> type.ifindex(o) == index && gone.add(o));
            gone.forEach(o -> lost(type, o));
        }
    }

    /** The types a link's notification may report objects of (a bridge port's VLANs) are dumped again. */
    private void dumpTypesReportedIn(NlMessage m) {
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            if (!t.announcedExactly() && t.inLinkNotification(m)) {
                toDump.add(t);
            }
        }
    }

    /** The types whose objects the kernel may have changed without a notification are dumped again. */
    private void dumpSilentlyChangedTypes() {
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
            if (!t.announcedExactly()) {
                toDump.add(t);
            }
        }
    }

    private void queryChangedLinks() throws NetlinkException, MalformedMessageException {
        for (int index : changedLinks) {
            LinkMessage now = null;
            for (NlMessage m : source.getLink(index)) {
                if (m.type() == Rtnl.RTM_NEWLINK) {
                    now = LinkMessage.decode(m);
                }
            }
            if (now == null) {
                deleted(index); // deleted since: its RTM_DELLINK is on its way
                continue;
            }
            LinkMessage was = linkMessages.put(index, now);
            links.remove(index);
            if (was != null && !Objects.equals(was.name(), now.name())) {
                forgetLinksReferringTo(index);
            }
        }
        changedLinks.clear();
    }

    private void forget(int index) {
        if (linkMessages.remove(index) != null) {
            links.remove(index);
            forgetLinksReferringTo(index);
        }
    }

    /** A link decoded with another's name (a veth's peer through IFLA_LINK) is decoded again when that name changes. */
    private void forgetLinksReferringTo(int index) {
        for (LinkMessage lm : linkMessages.values()) {
            if (lm.link() != null && lm.link() == index) {
                links.remove(lm.index());
            }
        }
    }

    private ObservedState snapshot() {
        Map<Integer, String> names = new HashMap<>();
        for (LinkMessage lm : linkMessages.values()) {
            names.put(lm.index(), lm.name());
        }
        List<ObservedLink> out = new ArrayList<>(linkMessages.size());
        for (LinkMessage lm : linkMessages.values()) {
            out.add(links.computeIfAbsent(lm.index(), i -> reader.link(lm, names)));
        }
        out.sort(Comparator.comparingInt(ObservedLink::index));
        Map<ResourceType<?, ?, ?, ?>, List<?>> objects = new HashMap<>(dumped);
        announced.forEach((t, byIdentity) -> objects.put(t, new ArrayList<>(byIdentity.values())));
        return new ObservedState(out, objects);
    }
}
