package io.vlinkd.daemon.service;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.AppliedChange;
import io.vlinkd.daemon.reconcile.KernelException;
import io.vlinkd.daemon.reconcile.NamespacedPlan;
import io.vlinkd.daemon.reconcile.NamespacedReconciler;
import io.vlinkd.daemon.reconcile.NamespacedResult;
import io.vlinkd.daemon.reconcile.NamespacedStep;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.NetlinkNamespaces;
import io.vlinkd.daemon.reconcile.PlanRenderer;
import io.vlinkd.daemon.reconcile.DriftWatcher;
import io.vlinkd.daemon.reconcile.ForeignReport;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.daemon.reconcile.StepError;
import io.vlinkd.daemon.state.DirectoryLock;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.socket.EventSocket;
import io.vlinkd.netlink.socket.Netns;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reconcile port over {@link NamespacedReconciler} and rtnetlink. The daemon's own namespace keeps one
 * reconciler (and its socket) for the life of the process; interfaces the config puts in named namespaces
 * ({@code netns:}) are reconciled through ports opened in them for each call ({@link NetlinkNamespaces}). A run
 * whose own namespace is a named one ({@code apply --once --netns}) gets its own for one call. Ownership lives in
 * {@code STATE/owned} (lines with {@code netns=NAME} for links in named namespaces), and for a run in a named
 * namespace in {@code STATE/netns/NAME.owned}.
 */
public final class ReconcilerBackend implements ReconcilePort, AutoCloseable {
    private final Path stateDir;
    private final Netns home;
    private final ForeignReport foreign = new ForeignReport();
    private Reconciler here;
    private NetlinkKernelPort herePort;
    private NamespacedReconciler hereAll;
    private final List<AutoCloseable> watcherSockets = new ArrayList<>();

    public ReconcilerBackend(Path stateDir) {
        this(stateDir, Netns.current());
    }

    /**
     * @param home the namespace the daemon manages as its own (its own; a test gives a private one) and where its
     *             drift watcher listens
     */
    public ReconcilerBackend(Path stateDir, Netns home) {
        this.stateDir = stateDir;
        this.home = home;
    }

    /** Over a given reconciler for the daemon's own namespace (tests: one over the in-memory {@code FakeKernel} of the
     * daemon's test sources). */
    ReconcilerBackend(Path stateDir, Reconciler here) {
        this.stateDir = stateDir;
        this.home = Netns.current();
        this.here = here;
        here.observeWith(foreign);
        this.hereAll = across(here, new OwnershipStore(ownershipFile(null)), null);
    }

    /** The foreign objects on configured interfaces ({@code settings.foreign: report}), for status. */
    public ForeignReport foreignReport() {
        return foreign;
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Where ownership of {@code netns} (null: the daemon's own) is recorded. */
    public Path ownershipFile(String netns) {
        return netns == null ? stateDir.resolve("owned") : stateDir.resolve("netns").resolve(netns + ".owned");
    }

    private synchronized NamespacedReconciler here() throws KernelException {
        if (here == null) {
            herePort = NetlinkKernelPort.open(home);
            OwnershipStore store = new OwnershipStore(ownershipFile(null));
            here = new Reconciler(herePort, store);
            here.observeWith(foreign);
            hereAll = across(here, store, null);
        }
        return hereAll;
    }

    private static NamespacedReconciler across(Reconciler own, OwnershipStore store, String ownName) {
        return new NamespacedReconciler(own, store, ownName, new NetlinkNamespaces(), Reconciler::new);
    }

    /**
     * A drift watcher for the daemon's namespace, on an event socket of its own (it blocks in it on its own
     * thread). It reads link names, at start and after lost notifications, through the reconciler's port, whose
     * methods are synchronized: a port of its own would hold a second subscription whose queue nobody drains. It
     * only detects: {@code onDrift} gets what changed and must hand the repair to the daemon's loop
     * ({@link Daemon#driftDetected}). Run it on a platform thread; {@link DriftWatcher#stop()} ends it,
     * {@link #close()} closes its socket.
     */
    public synchronized DriftWatcher driftWatcher(java.util.function.Supplier<DesiredState> desired,
                                                  java.time.Duration debounce,
                                                  DriftWatcher.Listener onDrift) throws KernelException {
        EventSocket events;
        try {
            events = EventSocket.subscribe(home, NetlinkKernelPort.eventGroups());
        } catch (io.vlinkd.netlink.NetlinkException e) {
            throw new KernelException("cannot subscribe to rtnetlink events: " + e.getMessage(), e);
        }
        watcherSockets.add(events);
        here();
        NetlinkKernelPort names = java.util.Objects.requireNonNull(herePort,
                "a backend over a given reconciler (tests) has no port for a drift watcher");
        return new DriftWatcher(names, new OwnershipStore(ownershipFile(null)), desired, events::poll, debounce,
                onDrift);
    }

    /** Closes the sockets of the daemon's namespace (the reconciler's and the drift watchers'). */
    @Override
    public synchronized void close() {
        for (AutoCloseable c : watcherSockets) {
            try {
                c.close();
            } catch (Exception e) {
                // Closing a netlink socket only releases its descriptor.
            }
        }
        watcherSockets.clear();
        if (herePort != null) {
            herePort.close();
            herePort = null;
            here = null;
            hereAll = null;
        }
    }

    @Override
    public PlanView check(DesiredState running) throws BackendUnavailableException {
        try {
            return render(here().check(running), PlanFormat.IP);
        } catch (KernelException | IOException e) {
            return new PlanView(List.of(), List.of("cannot check: " + e.getMessage()));
        }
    }

    /** Runs {@code work} with a reconciler for {@code netns}, closing a per-call one afterwards. */
    private <T> T with(String netns, Work<T> work) throws KernelException, IOException {
        if (netns == null) {
            return work.run(here());
        }
        try (NetlinkKernelPort port = NetlinkKernelPort.open(Netns.named(netns))) {
            OwnershipStore store = new OwnershipStore(ownershipFile(netns));
            return work.run(across(new Reconciler(port, store), store, netns));
        }
    }

    private interface Work<T> {
        T run(NamespacedReconciler r) throws KernelException, IOException;
    }

    @Override
    public PlanView plan(DesiredState state, String netns, PlanFormat format) throws BackendUnavailableException {
        try {
            return render(with(netns, r -> r.plan(state)), format);
        } catch (KernelException | IOException e) {
            return new PlanView(List.of(), List.of("cannot plan" + in(netns) + ": " + e.getMessage()));
        }
    }

    private static PlanView render(NamespacedPlan plan, PlanFormat format) {
        List<String> steps = new ArrayList<>();
        for (NamespacedPlan.Part part : plan.parts()) {
            if (format == PlanFormat.NETLINK) {
                if (part.netns() != null && !part.plan().isEmpty()) {
                    steps.add("# in netns " + part.netns() + ":");
                }
                steps.addAll(PlanRenderer.netlink(part.plan()));
            } else {
                for (String line : PlanRenderer.ipCommands(part.plan())) {
                    steps.add(NamespacedStep.inNetns(part.netns(), line));
                }
            }
        }
        plan.allNotes().forEach(n -> steps.add("# " + n));
        return new PlanView(plan.isEmpty() ? List.of() : steps, plan.problems());
    }

    private static String in(String netns) {
        return netns == null ? "" : " in netns " + netns;
    }

    @Override
    public Closeable holdStateDirectory() throws IOException {
        return DirectoryLock.acquire(stateDir, "state directory")::close;
    }

    /** Named namespaces are read afresh on every call; the daemon's own keeps a view fed by notifications. */
    @Override
    public synchronized void rereadKernel() {
        if (herePort != null) {
            herePort.resync();
        }
    }

    @Override
    public Applied apply(DesiredState state, String netns) throws BackendUnavailableException {
        NamespacedResult all;
        try {
            all = with(netns, rec -> rec.apply(state));
        } catch (KernelException | IOException e) {
            // No step ran: the summary is the one line about it.
            return new Applied(false, "cannot apply" + in(netns) + ": " + e.getMessage(), List.of(),
                    Optional.empty());
        }
        return applied(all, netns == null);
    }

    @Override
    public Applied repair(DesiredState running, java.util.Set<String> links) throws BackendUnavailableException {
        NamespacedResult all;
        try {
            all = here().repair(running, links);
        } catch (KernelException | IOException e) {
            return new Applied(false, "cannot apply: " + e.getMessage(), List.of(), Optional.empty());
        }
        return applied(all, false);
    }

    /** The outcome as the daemon reports it; {@code undoable}: with a rollback of the change ({@code apply --confirm-timeout}). */
    private static Applied applied(NamespacedResult all, boolean undoable) {
        ApplyResult r = all.combined();
        List<Event> events = new ArrayList<>();
        for (NamespacedStep ns : all.kept()) {
            Step s = ns.step();
            events.add(new Event(s.link(), s.link() + ": " + s.operation()
                    + (s.where() == null ? "" : " [" + s.where() + "]") + ": " + ns.ipCommand(), false));
        }
        for (StepError e : r.errors()) {
            events.add(new Event(e.step() == null ? null : e.step().link(), e.toString(), true));
        }
        String summary = r.summary();
        Optional<Rollback> rollback = Optional.empty();
        if (r.succeeded() && undoable && !r.change().isEmpty()) {
            AppliedChange change = r.change();
            rollback = Optional.of(() -> rollBack(change));
        }
        return new Applied(r.succeeded(), summary, events, rollback);
    }

    private static String rollBack(AppliedChange change) {
        try {
            List<StepError> errors = change.rollback();
            if (errors.isEmpty()) {
                return "reverted " + change.waves().stream().mapToInt(List::size).sum() + " steps";
            }
            // Each error was logged by the reconciler as it happened; this line counts them.
            return "revert failed: " + errors.size() + (errors.size() == 1 ? " error" : " errors");
        } catch (KernelException | IOException e) {
            return "revert failed: " + e.getMessage();
        }
    }
}
