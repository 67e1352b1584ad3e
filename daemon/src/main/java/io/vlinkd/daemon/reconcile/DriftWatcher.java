package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.AbsentLink;
import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.resource.link.KindTraits;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.resource.link.OwnedLink;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.ip.Ipv4Settings;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.socket.EventsLostException;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches link, address and route notifications and detects drift: a change to an interface the config names or
 * vlinkd owns (or to an address on one, or to a vlinkd route) is reported to {@code onDrift} once the
 * notifications have been quiet for the debounce time. Lost notifications (ENOBUFS) re-read the interface names and
 * are reported too (the repair re-dumps everything). Churn on interfaces vlinkd neither owns nor is configured for
 * reports nothing.
 *
 * <p>It only detects: the repair itself (or the drift report, {@code drift: report}) is the daemon's, run on its one
 * loop against the desired state current when the repair runs, so a repair never races a reload that changed the
 * config in between.
 *
 * <p>Run {@link #run} on its own platform thread (it blocks in the kernel), or drive it with {@link #pollOnce}. The
 * {@code port} is only used to read interface names; give it a socket of its own, not the reconciler's.
 */
public final class DriftWatcher implements Runnable {
    private static final Logger LOG = LoggerFactory.getLogger(DriftWatcher.class);

    private final KernelPort port;
    private final OwnershipStore store;
    private final Supplier<DesiredState> desired;
    private final DriftEvents events;
    private final Duration debounce;
    private final Listener onDrift;
    private final Map<Integer, String> names = new HashMap<>();
    /** The names {@link #configured} found in the config it was last given (the daemon swaps the whole object). */
    private DesiredState configuredOf;
    private Set<String> configured = Set.of();
    /** Per resource type, the links on which the config ({@link #configuredOf}) lists objects of that type. */
    private final Map<ResourceType<?, ?, ?, ?>, Set<String>> listedOn = new HashMap<>();
    private volatile boolean stopped;
    private String firstChange;
    /** The interfaces the changes of the burst concern; null once one concerned no interface in particular. */
    private Set<String> changedLinks = new HashSet<>();
    private long quietSince;
    private int detections;

    /** Hears of drift (see {@link #DriftWatcher}). */
    @FunctionalInterface
    public interface Listener {
        /**
         * @param what  what changed first in the burst ({@code br0}, {@code address on br0}, ...)
         * @param links the interfaces the burst's changes concern (a repair need plan only them and what is
         *              connected to them); empty when one concerned none in particular (lost notifications, a
         *              route with vlinkd's protocol): then the whole config is to be repaired
         */
        void drift(String what, Optional<Set<String>> links);
    }

    /** A watcher whose {@code onDrift} hears only what changed first in each burst. */
    public DriftWatcher(KernelPort port, OwnershipStore store, Supplier<DesiredState> desired, DriftEvents events,
                        Duration debounce, Consumer<String> onDrift) throws KernelException {
        this(port, store, desired, events, debounce, (Listener) (what, links) -> onDrift.accept(what));
    }

    /**
     * @param desired  the config whose interfaces matter (the daemon swaps it on reload)
     * @param debounce how long notifications must be quiet before drift is reported (a burst of events from one
     *                 {@code ip link del} of a bridge with ports becomes one report)
     * @param onDrift  hears of each burst ({@link Listener}); called on the watcher's thread, so it must only hand
     *                 the repair over, never run it
     */
    public DriftWatcher(KernelPort port, OwnershipStore store, Supplier<DesiredState> desired, DriftEvents events,
                        Duration debounce, Listener onDrift) throws KernelException {
        this.port = port;
        this.store = store;
        this.desired = desired;
        this.events = events;
        this.debounce = debounce;
        this.onDrift = onDrift;
        refreshNames();
    }

    /** Drift reports handed to {@code onDrift} so far. */
    public synchronized int detections() {
        return detections;
    }

    public void stop() {
        stopped = true;
    }

    /**
     * How long the watcher blocks in the kernel when nothing is pending. It returns at once for a notification, and
     * when its event socket is closed ({@code EventSocket#close} wakes the poll), so an idle daemon's watcher does
     * not wake up at all in practice; an idle wake-up reads nothing (not the ledger).
     */
    private static final Duration IDLE_WAIT = Duration.ofHours(1);

    @Override
    public void run() {
        while (!stopped) {
            try {
                pollOnce(IDLE_WAIT);
            } catch (KernelException | IOException e) {
                LOG.error("drift watch: {}", e.getMessage());
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** Waits up to {@code timeout} for notifications, then reports drift if something relevant changed and it is quiet. */
    public synchronized void pollOnce(Duration timeout) throws KernelException, IOException {
        List<NlMessage> batch;
        try {
            batch = events.poll(firstChange != null ? min(timeout, debounce) : timeout);
        } catch (EventsLostException e) {
            LOG.warn("drift watch: notifications were lost (ENOBUFS); re-dumping everything");
            changed(new Change("notifications lost (ENOBUFS)", null));
            refreshNames();
            batch = List.of();
        } catch (NetlinkException e) {
            throw new KernelException("drift watch: " + e.getMessage(), e);
        }
        Relevant relevant = new Relevant(configured(desired.get()));
        boolean foreign = desired.get().settings().foreign() == DaemonSettings.ForeignPolicy.REPORT;
        for (NlMessage m : batch) {
            Change which = concerns(m, relevant, foreign);
            if (which != null) {
                LOG.debug("drift watch: {} changed", which.what());
                changed(which);
            }
        }
        if (firstChange != null && System.nanoTime() - quietSince >= debounce.toNanos()) {
            String what = firstChange;
            Optional<Set<String>> links = Optional.ofNullable(changedLinks);
            firstChange = null;
            changedLinks = new HashSet<>();
            detections++;
            onDrift.drift(what, links);
        }
    }

    /**
     * A relevant change: what it is, for the log, and the interfaces it concerns (null: none in particular, so the
     * whole config is to be repaired).
     */
    private record Change(String what, Set<String> links) {
        static Change on(String what, String... links) {
            Set<String> s = new HashSet<>();
            for (String l : links) {
                if (l != null) {
                    s.add(l);
                }
            }
            return new Change(what, s);
        }
    }

    private void changed(Change c) {
        if (firstChange == null) {
            firstChange = c.what();
        }
        if (changedLinks != null && c.links() != null) {
            changedLinks.addAll(c.links());
        } else {
            changedLinks = null;
        }
        quietSince = System.nanoTime();
    }

    /** Configured (with their companions) and absent-listed names of {@code d}, worked out once per config. */
    private Set<String> configured(DesiredState d) {
        if (d != configuredOf) {
            Set<String> out = new HashSet<>();
            for (DesiredLink l : d.links()) {
                out.add(l.name());
                out.addAll(KindTraits.companions(l.link().kind(), l.link().spec()));
            }
            for (AbsentLink a : d.absent()) {
                out.add(a.name());
            }
            configured = out;
            configuredOf = d;
            listedOn.clear();
        }
        return configured;
    }

    /** The links on which the config lists objects of {@code type} (worked out once per config and type). */
    private <D> Set<String> listedOn(ResourceType<?, D, ?, ?> type) {
        return listedOn.computeIfAbsent(type, t -> {
            Set<String> out = new HashSet<>();
            for (D d : type.desired(configuredOf)) {
                out.addAll(type.needs(d));
            }
            return out;
        });
    }

    /**
     * Names whose changes matter: configured, absent-listed and owned interfaces. The ledger is read only for a
     * name the config does not have, once per batch (a repair's notifications concern configured interfaces: the
     * watcher hands them over without parsing the ledger of thousands of links), never on an idle wake-up.
     */
    private final class Relevant {
        private final Set<String> configured;
        private Set<String> owned;

        Relevant(Set<String> configured) {
            this.configured = configured;
        }

        boolean contains(String name) throws IOException {
            if (name == null) {
                return false;
            }
            if (configured.contains(name)) {
                return true;
            }
            if (owned == null) {
                owned = new HashSet<>();
                for (OwnedLink o : store.load().links()) {
                    owned.add(o.name());
                }
            }
            return owned.contains(name);
        }
    }

    /**
     * The relevant change a notification reports, or null when it is someone else's. With {@code foreign}
     * (settings.foreign: report) a link attached to a relevant one and a route through one count too, so that a
     * foreign object is reported when it appears.
     */
    private Change concerns(NlMessage m, Relevant relevant, boolean foreign) throws IOException {
        try {
            switch (m.type()) {
                case Rtnl.RTM_NEWLINK, Rtnl.RTM_DELLINK -> {
                    LinkMessage l = LinkMessage.decode(m);
                    String old = l.isDeletion() ? names.remove(l.index()) : names.put(l.index(), l.name());
                    // A rename concerns both names (a configured link may have been renamed onto another's).
                    String renamedFrom = old != null && !old.equals(l.name()) ? old : null;
                    if (relevant.contains(l.name())) {
                        return Change.on(l.name(), l.name(), renamedFrom);
                    }
                    if (foreign && (onRelevant(l.master(), relevant) || onRelevant(l.link(), relevant))) {
                        return Change.on(l.name() + ", attached to a configured interface", l.name(),
                                l.master() == null ? null : names.get(l.master()),
                                l.link() == null ? null : names.get(l.link()), renamedFrom);
                    }
                    // Renamed away.
                    return renamedFrom != null && relevant.contains(old) ? Change.on(old, old, l.name()) : null;
                }
                case Rtnl.RTM_NEWNETCONF -> {
                    String name = names.get(Ipv4Settings.netconfIndex(m));
                    return name != null && relevant.contains(name) ? Change.on("ipv4 settings of " + name, name)
                            : null;
                }
                default -> {
                    // An object of a resource type (an address, a route): each type decodes only its own messages.
                    for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
                        Change c = concerns(t, m, relevant, foreign);
                        if (c != null) {
                            return c;
                        }
                    }
                    return null;
                }
            }
        } catch (MalformedMessageException e) {
            LOG.warn("drift watch: malformed notification ignored: {}", e.getMessage());
            return null;
        }
    }

    /** What {@code m} concerns when it reports a relevant object of {@code type}, or null. */
    private <D, O> Change concerns(ResourceType<?, D, O, ?> type, NlMessage m, Relevant relevant, boolean foreign)
            throws MalformedMessageException, IOException {
        Optional<O> decoded = type.decode(m);
        if (decoded.isEmpty()) {
            return null;
        }
        O o = decoded.get();
        int protocol = desired.get().settings().routeProtocol();
        if (type.kernels(o) && !type.marked(o, protocol) && !listedOn(type).contains(names.get(type.ifindex(o)))) {
            // The kernel's own (an IPv6 link-local address finishing DAD on a re-created bridge, a prefix route):
            // never restored, deleted or reported, so no repair can concern it, unless the config lists objects
            // of its type on its link (one may sit at the same key).
            return null;
        }
        boolean onRelevant = onRelevant(type.ifindex(o), relevant);
        String on = names.get(type.ifindex(o));
        if (type.managedOnItsLink()) {
            return onRelevant ? Change.on(type.on(on), on) : null;
        }
        if (!type.hasMark() && !type.kernels(o)) {
            // Without a mark (an FDB entry: the ledger alone knows vlinkd's), a static entry on a configured
            // interface may be vlinkd's; the entries the bridge learns and ages out are not looked at.
            return onRelevant ? Change.on(type.on(on), on) : null;
        }
        // The mark alone makes an object worth a look (a drift check then asks the ledger too). Off the relevant
        // interfaces it may be one the config lists through no interface in particular, or one the ledger records
        // on an interface that is gone: the whole config is repaired.
        if (type.marked(o, protocol)) {
            String what = "a " + type.noun() + " with vlinkd's protocol";
            return onRelevant ? Change.on(what, on) : new Change(what, null);
        }
        return foreign && onRelevant ? Change.on(type.on(on), on) : null;
    }

    private boolean onRelevant(Integer index, Relevant relevant) throws IOException {
        return index != null && relevant.contains(names.get(index));
    }

    private void refreshNames() throws KernelException {
        names.clear();
        for (ObservedLink l : port.observe().links()) {
            names.put(l.index(), l.name());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
