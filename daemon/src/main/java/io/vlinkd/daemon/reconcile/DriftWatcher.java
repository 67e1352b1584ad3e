package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.AbsentLink;
import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.state.OwnedLink;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.NetlinkException;
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
    private final Consumer<String> onDrift;
    private final Map<Integer, String> names = new HashMap<>();
    private volatile boolean stopped;
    private String firstChange;
    private long quietSince;
    private int detections;

    /**
     * @param desired  the config whose interfaces matter (the daemon swaps it on reload)
     * @param debounce how long notifications must be quiet before drift is reported (a burst of events from one
     *                 {@code ip link del} of a bridge with ports becomes one report)
     * @param onDrift  gets what changed first in the burst ({@code br0}, {@code address on br0}, ...); called on
     *                 the watcher's thread, so it must only hand the repair over, never run it
     */
    public DriftWatcher(KernelPort port, OwnershipStore store, Supplier<DesiredState> desired, DriftEvents events,
                        Duration debounce, Consumer<String> onDrift) throws KernelException {
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
            changed("notifications lost (ENOBUFS)");
            refreshNames();
            batch = List.of();
        } catch (NetlinkException e) {
            throw new KernelException("drift watch: " + e.getMessage(), e);
        }
        // The ledger is read only when there is something to judge, never on an idle wake-up.
        Set<String> relevant = batch.isEmpty() ? Set.of() : relevantNames();
        boolean foreign = desired.get().settings().foreign() == DaemonSettings.ForeignPolicy.REPORT;
        for (NlMessage m : batch) {
            String which = concerns(m, relevant, foreign);
            if (which != null) {
                LOG.debug("drift watch: {} changed", which);
                changed(which);
            }
        }
        if (firstChange != null && System.nanoTime() - quietSince >= debounce.toNanos()) {
            String what = firstChange;
            firstChange = null;
            detections++;
            onDrift.accept(what);
        }
    }

    private void changed(String what) {
        if (firstChange == null) {
            firstChange = what;
        }
        quietSince = System.nanoTime();
    }

    /** Names whose changes matter: configured, absent-listed and owned interfaces. */
    private Set<String> relevantNames() throws IOException {
        Set<String> out = new HashSet<>();
        DesiredState d = desired.get();
        for (DesiredLink l : d.links()) {
            out.add(l.name());
            out.addAll(KindTraits.companions(l.link().kind(), l.link().spec()));
        }
        for (AbsentLink a : d.absent()) {
            out.add(a.name());
        }
        for (OwnedLink o : store.load().links()) {
            out.add(o.name());
        }
        return out;
    }

    /**
     * The name of the relevant object a notification concerns, or null when it is someone else's. With
     * {@code foreign} (settings.foreign: report) a link attached to a relevant one and a route through one count
     * too, so that a foreign object is reported when it appears.
     */
    private String concerns(NlMessage m, Set<String> relevant, boolean foreign) {
        try {
            switch (m.type()) {
                case Rtnl.RTM_NEWLINK, Rtnl.RTM_DELLINK -> {
                    LinkMessage l = LinkMessage.decode(m);
                    String old = l.isDeletion() ? names.remove(l.index()) : names.put(l.index(), l.name());
                    if (l.name() != null && relevant.contains(l.name())) {
                        return l.name();
                    }
                    if (foreign && (onRelevant(l.master(), relevant) || onRelevant(l.link(), relevant))) {
                        return l.name() + ", attached to a configured interface";
                    }
                    return old != null && relevant.contains(old) ? old : null; // renamed away
                }
                default -> {
                    // An object of a resource type (an address, a route): each type decodes only its own messages.
                    for (ResourceType<?, ?, ?, ?> t : ResourceTypes.ALL) {
                        String c = concerns(t, m, relevant, foreign);
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
    private <O> String concerns(ResourceType<?, ?, O, ?> type, NlMessage m, Set<String> relevant, boolean foreign)
            throws MalformedMessageException {
        Optional<O> decoded = type.decode(m);
        if (decoded.isEmpty()) {
            return null;
        }
        O o = decoded.get();
        boolean onRelevant = onRelevant(type.ifindex(o), relevant);
        if (type.managedOnItsLink()) {
            return onRelevant ? type.on(names.get(type.ifindex(o))) : null;
        }
        // The mark alone makes an object worth a look (a drift check then asks the ledger too).
        if (type.marked(o, desired.get().settings().routeProtocol())) {
            return "a " + type.noun() + " with vlinkd's protocol";
        }
        return foreign && onRelevant ? type.on(names.get(type.ifindex(o))) : null;
    }

    private boolean onRelevant(Integer index, Set<String> relevant) {
        String name = index == null ? null : names.get(index);
        return name != null && relevant.contains(name);
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
