package io.vlinkd.daemon.service;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.control.Reply;
import io.vlinkd.daemon.service.ConfigPort.Invalid;
import io.vlinkd.daemon.service.ConfigPort.LoadResult;
import io.vlinkd.daemon.service.ConfigPort.Loaded;
import io.vlinkd.daemon.service.ReconcilePort.Applied;
import io.vlinkd.daemon.service.ReconcilePort.PlanFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's state and its one loop. Every change of state (first converge, reload, apply, confirm, the
 * confirm deadline, drift repair, stop) runs on the single thread {@code vlinkd-main}, so they never interleave;
 * callers from the control socket, the signal handler, the config watcher and the drift watcher submit work and,
 * where a reply is due, wait for it. The watchdog is fed from that same thread, so a loop that hangs is restarted by
 * systemd.
 *
 * <p>The loop owns the desired state: a drift repair plans against the config current when the repair runs, never
 * one read before a reload replaced it. Until a valid config has been loaded the daemon manages nothing: an
 * invalid config at start deletes nothing, and drift is not repaired. Reload requests (SIGHUP, the config watcher)
 * that arrive while one is queued or running become one more reload, not one each; a request during the first
 * converge waits for it. Stopping waits for the task that is running (a repair half-done is finished, so the ledger
 * matches the kernel); what is queued behind the stop does nothing.
 */
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger("vlinkd");

    private final DaemonPaths paths;
    private final ConfigPort config;
    private final ReconcilePort reconcile;
    private final ServiceNotifier notifier;
    private final ScheduledExecutorService loop;
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** What {@code status} and the journal say until a valid config is loaded. */
    static final String MANAGING_NOTHING = "no valid config is loaded: vlinkd manages nothing (deletes nothing, "
            + "repairs no drift) until one is";

    // The reasons of a reload and of a drift repair that are queued on the loop and not yet begun (null: none):
    // further requests join them instead of queueing a task each.
    private final AtomicReference<String> queuedReload = new AtomicReference<>();
    private final AtomicReference<Drift> queuedRepair = new AtomicReference<>();

    /**
     * A drift to repair: what changed first, and the interfaces it concerned (null: the whole config is repaired).
     */
    private record Drift(String what, Set<String> links) {
        /** This and {@code later} as one repair. */
        Drift join(Drift later) {
            if (links == null || later.links() == null) {
                return new Drift(what, null);
            }
            Set<String> all = new HashSet<>(links);
            all.addAll(later.links());
            return new Drift(what, all);
        }
    }

    // Confined to the loop thread.
    // Volatile: the drift watcher reads it from its own thread. Null until a valid config has been applied.
    private volatile DesiredState running;
    private boolean started;
    private String lastLoadSummary = MANAGING_NOTHING;
    private Outcome last = new Outcome(false, "not converged yet", Instant.now());
    private Pending pending;
    private final java.util.Map<String, String> lastErrors = new java.util.TreeMap<>();
    private boolean stopping;
    private ScheduledFuture<?> reread;
    private final Instant startedAt = Instant.now();

    /** The result of the last converge, for {@code status}. */
    public record Outcome(boolean ok, String summary, Instant at) {
    }

    /** An apply that rolls back unless confirmed before {@code deadline}. */
    private record Pending(ReconcilePort.Rollback rollback, DesiredState previous, Instant deadline,
                           ScheduledFuture<?> timer) {
    }

    public Daemon(DaemonPaths paths, ConfigPort config, ReconcilePort reconcile, ServiceNotifier notifier) {
        this.paths = paths;
        this.config = config;
        this.reconcile = reconcile;
        this.notifier = notifier;
        ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "vlinkd-main");
            t.setDaemon(false);
            return t;
        });
        ex.setRemoveOnCancelPolicy(true);
        ex.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        this.loop = ex;
    }

    /**
     * The config the kernel is being kept at (the last one applied, or the one restored by a rollback); empty
     * while no valid config is loaded (then nothing is managed: see {@link #manages()}).
     */
    public DesiredState running() {
        DesiredState r = running;
        return r == null ? DesiredState.empty() : r;
    }

    /** False until a valid config has been applied: the daemon then deletes nothing and repairs no drift. */
    public boolean manages() {
        return running != null;
    }

    public DaemonPaths paths() {
        return paths;
    }

    /**
     * The first converge: load, apply, then READY=1 (also when it failed: systemd must not wait for a start that
     * will not come; the failure is in STATUS= and the journal). Starts the watchdog if systemd asked for one.
     */
    public Outcome start() {
        Outcome o;
        try {
            o = call(() -> {
                if (stopping) {
                    return new Outcome(false, "stopped before the first converge", Instant.now());
                }
                Outcome r = converge("start");
                started = true;
                notifier.ready(statusLine());
                runQueuedReload();
                return r;
            });
        } catch (IllegalStateException e) {
            return new Outcome(false, "stopped before the first converge", Instant.now());
        }
        long wd = notifier.watchdogUsec();
        if (wd > 0) {
            long every = Math.max(1, wd / 2);
            try {
                loop.scheduleAtFixedRate(notifier::watchdog, every, every, TimeUnit.MICROSECONDS);
                LOG.debug("watchdog: WATCHDOG=1 every {} ms", every / 1000);
            } catch (RejectedExecutionException e) {
                LOG.debug("watchdog not started: stopping");
            }
        }
        return o;
    }

    /**
     * Queues a reload and returns at once (SIGHUP, a changed config file). Requests that arrive while one is
     * queued join it; one that arrives while a reload runs queues one more (that one may have read the files before
     * they changed). A request before or during the first converge runs right after it.
     */
    public void requestReload(String reason) {
        if (queuedReload.getAndSet(reason) != null) {
            LOG.debug("reload ({}) joins the one already queued", reason);
            return;
        }
        try {
            loop.execute(this::runQueuedReload);
        } catch (RejectedExecutionException e) {
            LOG.debug("reload ({}) ignored: stopping", reason);
        }
    }

    private void runQueuedReload() {
        if (!started) {
            return; // the first converge runs it when it is done
        }
        String reason = queuedReload.get();
        if (reason != null) {
            reloadNow(reason);
        }
    }

    /** Reloads and waits for the outcome ({@code vlinkctl reload}). */
    public Reply reload(String reason) {
        return call(() -> {
            if (!started && !stopping) {
                requestReload(reason);
                return Reply.failed(List.of(), List.of("vlinkd is starting: the reload (" + reason
                        + ") is queued after the first converge"));
            }
            return reloadNow(reason);
        });
    }

    private Reply reloadNow(String reason) {
        // Whatever was queued until now is served by this reload: it reads the files after every such request.
        queuedReload.set(null);
        if (stopping) {
            return Reply.failed(List.of(), List.of("vlinkd is stopping"));
        }
        if (pending != null) {
            String msg = "reload (" + reason + ") deferred: an apply awaits confirmation until " + pending.deadline()
                    + " (vlinkctl confirm)";
            LOG.warn(msg);
            return Reply.failed(List.of(), List.of(msg));
        }
        LOG.info("reloading ({})", reason);
        notifier.reloading(System.nanoTime() / 1000, "reloading (" + reason + ")");
        List<String> err = new ArrayList<>();
        Outcome o = converge(reason, err);
        notifier.reloaded(statusLine());
        List<String> out = List.of(o.summary());
        return o.ok() ? Reply.ok(out) : Reply.failed(out, err);
    }

    private Outcome converge(String reason) {
        return converge(reason, new ArrayList<>());
    }

    /**
     * Load and apply; on an invalid config the running state is kept (none, before the first valid one: then
     * nothing is managed) and every problem is logged.
     */
    private Outcome converge(String reason, List<String> err) {
        LoadResult loaded;
        try {
            loaded = config.load(List.of(paths.configDir()));
        } catch (BackendUnavailableException e) {
            return record(false, reason + ": cannot load " + paths.configDir() + ": " + e.getMessage() + "; "
                    + keeping(), err);
        }
        if (loaded instanceof Invalid inv) {
            for (String p : inv.problems()) {
                LOG.error(p);
                err.add(p);
            }
            String what = inv.problems().size() == 1 ? "1 problem" : inv.problems().size() + " problems";
            return record(false, reason + ": config in " + paths.configDir() + " rejected: " + what + "; "
                    + keeping(), err);
        }
        Loaded ok = (Loaded) loaded;
        lastLoadSummary = ok.summary();
        List<String> files = ok.state().files().stream().map(Object::toString).toList();
        LOG.info("{}: read {}: {}", reason, files.isEmpty() ? paths.configDir() + " (no files)"
                : String.join(", ", files), ok.summary());
        ok.warnings().forEach(LOG::warn);
        Applied applied;
        try {
            // A start or a reload compares with the kernel's own answer, not with the view kept from notifications.
            reconcile.rereadKernel();
            applied = reconcile.apply(ok.state(), null);
        } catch (BackendUnavailableException e) {
            return record(false, reason + ": cannot apply: " + e.getMessage(), err);
        }
        rememberErrors(applied, err);
        if (applied.ok()) {
            running = ok.state();
            scheduleReread();
            lastRollback = applied.rollback();
            return record(true, applied.summary(), err);
        }
        lastRollback = Optional.empty();
        return record(false, reason + ": " + applied.summary(), err);
    }

    /** What an invalid config leaves in place. */
    private String keeping() {
        return running != null ? "keeping the running config" : MANAGING_NOTHING;
    }

    /** Keeps the failed steps of an apply for the reply and each interface's last error for {@code status}. */
    private void rememberErrors(Applied applied, List<String> err) {
        // The reconciler logged each step and each error as it happened: they go to the reply, not the journal again.
        for (ReconcilePort.Event ev : applied.events()) {
            if (ev.error()) {
                err.add(ev.line());
            }
        }
        lastErrors.clear();
        for (ReconcilePort.Event ev : applied.events()) {
            if (ev.error() && ev.ifname() != null) {
                lastErrors.put(ev.ifname(), ev.line());
            }
        }
    }

    /**
     * The drift watcher saw {@code what} change (an owned or configured interface, an address on one, a vlinkd
     * route, lost notifications): queues a repair of the whole config on the loop and returns at once. Reports that
     * arrive while a repair is queued join it.
     */
    public void driftDetected(String what) {
        driftDetected(what, Optional.empty());
    }

    /**
     * As {@link #driftDetected(String)}, for a change that concerned only the interfaces {@code links} (when
     * present): the repair plans them and what is connected to them, not the whole config. Reports that join a
     * queued repair widen its scope; one of the whole config makes it whole.
     */
    public void driftDetected(String what, Optional<Set<String>> links) {
        Drift d = new Drift(what, links.map(Set::copyOf).orElse(null));
        if (queuedRepair.getAndAccumulate(d, (queued, later) -> queued == null ? later : queued.join(later))
                != null) {
            return;
        }
        try {
            loop.execute(this::repairDrift);
        } catch (RejectedExecutionException e) {
            LOG.debug("drift ({}) not repaired: stopping", what);
        }
    }

    /**
     * Re-reads the whole kernel state every {@code settings.resync-interval} and repairs what it finds, as a drift
     * repair: the kernel does not announce every change (an option of a link that is down). Scheduled again after
     * each converge, with the interval of the config it applied.
     */
    private void scheduleReread() {
        if (reread != null) {
            reread.cancel(false);
            reread = null;
        }
        Duration every = running == null ? Duration.ZERO : running.settings().resyncInterval();
        if (every.isZero() || stopping) {
            return;
        }
        try {
            reread = loop.schedule(() -> {
                reread = null;
                reconcile.rereadKernel();
                driftDetected("an object the kernel did not announce (periodic re-read, settings.resync-interval)");
                scheduleReread();
            }, every.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Stopping.
        }
    }

    /**
     * Repairs drift against the running config as it is now (on the loop, so a reload that replaced it has
     * finished). The outcome goes to STATUS= and {@code status} like any converge's.
     */
    private void repairDrift() {
        Drift drift = queuedRepair.getAndSet(null);
        if (drift == null || stopping || !started) {
            return; // the first converge is the repair of whatever drifted before it
        }
        String what = drift.what();
        DesiredState desired = running;
        if (desired == null) {
            LOG.info("drift ({} changed) not repaired: {}", what, MANAGING_NOTHING);
            return;
        }
        try {
            if (desired.settings().drift() == DaemonSettings.DriftPolicy.REPORT) {
                ReconcilePort.PlanView plan = reconcile.check(desired);
                for (String step : plan.steps()) {
                    LOG.warn("drift ({} changed): {} would repair it (drift: report)", what, step);
                }
                return;
            }
            Applied applied = drift.links() == null ? reconcile.apply(desired, null)
                    : reconcile.repair(desired, drift.links());
            boolean unchanged = applied.ok() && applied.events().isEmpty();
            if (unchanged && last.ok()) {
                LOG.debug("drift ({} changed): {}", what, applied.summary());
                return;
            }
            List<String> err = new ArrayList<>();
            rememberErrors(applied, err);
            String repair = unchanged ? "" : applied.ok() ? "drift repaired (" + what + " changed): "
                    : "drift repair (" + what + " changed): ";
            record(applied.ok(), repair + applied.summary(), err);
        } catch (BackendUnavailableException e) {
            record(false, "drift repair (" + what + " changed): " + e.getMessage(), new ArrayList<>());
        }
        notifier.status(statusLine());
    }

    private Outcome record(boolean ok, String summary, List<String> err) {
        last = new Outcome(ok, summary, Instant.now());
        if (ok) {
            LOG.info(summary);
        } else {
            LOG.error(summary);
            err.add(summary);
        }
        return last;
    }

    /** {@code vlinkctl plan}: what a reload would do now. */
    public Reply plan(PlanFormat format) {
        return call(() -> {
            LoadResult loaded;
            try {
                loaded = config.load(List.of(paths.configDir()));
                if (loaded instanceof Invalid inv) {
                    return Reply.failed(List.of(), inv.problems());
                }
                ReconcilePort.PlanView plan = reconcile.plan(((Loaded) loaded).state(), null, format);
                List<String> steps = plan.steps().isEmpty()
                        ? List.of("# nothing to do: the kernel matches the config") : plan.steps();
                return plan.problems().isEmpty() ? Reply.ok(steps) : Reply.failed(plan.steps(), plan.problems());
            } catch (BackendUnavailableException e) {
                return Reply.failed(List.of(), List.of(e.getMessage()));
            }
        });
    }

    /**
     * {@code vlinkctl apply [--confirm-timeout S]}: reads the config now and applies it; with a timeout the change
     * is rolled back unless {@link #confirm} comes first (like {@code netplan try}). While one waits, automatic
     * reloads are deferred.
     */
    public Reply apply(Optional<Duration> confirmTimeout) {
        return call(() -> {
            if (pending != null) {
                return Reply.failed(List.of(), List.of("an apply already awaits confirmation until "
                        + pending.deadline() + ": run vlinkctl confirm"));
            }
            DesiredState before = running;
            List<String> err = new ArrayList<>();
            Outcome o = converge("apply", err);
            if (!o.ok()) {
                notifier.status(statusLine());
                return Reply.failed(List.of(o.summary()), err);
            }
            List<String> out = new ArrayList<>();
            out.add(o.summary());
            if (confirmTimeout.isPresent()) {
                Optional<ReconcilePort.Rollback> rb = lastRollback;
                if (rb.isEmpty()) {
                    out.add("nothing changed: no confirmation needed");
                } else {
                    Duration t = confirmTimeout.get();
                    Instant deadline = Instant.now().plus(t);
                    ScheduledFuture<?> timer = loop.schedule(this::confirmDeadlinePassed, t.toMillis(),
                            TimeUnit.MILLISECONDS);
                    pending = new Pending(rb.get(), before, deadline, timer);
                    String msg = "applied; run `vlinkctl confirm` within " + t.toSeconds()
                            + " s or it is rolled back";
                    LOG.warn(msg);
                    out.add(msg);
                }
            }
            notifier.status(statusLine());
            return Reply.ok(out);
        });
    }

    // The rollback handle of the last successful apply (set by converge through the reconcile port).
    private Optional<ReconcilePort.Rollback> lastRollback = Optional.empty();

    /** {@code vlinkctl confirm}. */
    public Reply confirm() {
        return call(() -> {
            if (pending == null) {
                return Reply.failed(List.of(), List.of("nothing awaits confirmation"));
            }
            pending.timer().cancel(false);
            pending = null;
            LOG.info("apply confirmed");
            notifier.status(statusLine());
            return Reply.ok(List.of("confirmed"));
        });
    }

    private void confirmDeadlinePassed() {
        Pending p = pending;
        if (p == null) {
            return;
        }
        rollBack(p, "not confirmed by " + p.deadline());
    }

    private void rollBack(Pending p, String why) {
        pending = null;
        String result = p.rollback().rollback();
        running = p.previous();
        last = new Outcome(false, "rolled back (" + why + "): " + result, Instant.now());
        LOG.warn(last.summary());
        notifier.status(statusLine());
    }

    /** {@code vlinkctl status}: the daemon's own state; interface rows come from {@code rows}. */
    public Reply status(boolean json, StatusRenderer rows) {
        return call(() -> {
            StatusReport r = new StatusReport(Version.VERSION, paths.configDir(), startedAt, lastLoadSummary,
                    last, Optional.ofNullable(pending).map(Pending::deadline), running(), Map.copyOf(lastErrors));
            return rows.render(r, json);
        });
    }

    /** One line for STATUS=. */
    private String statusLine() {
        String s = (last.ok() ? "converged: " : "failed: ") + last.summary();
        if (pending != null) {
            s += "; awaiting confirmation until " + pending.deadline();
        }
        return s.length() > 200 ? s.substring(0, 197) + "..." : s;
    }

    /** Stops: STOPPING=1, an unconfirmed apply is rolled back, the loop ends. Idempotent. */
    public void stop(String reason) {
        try {
            loop.execute(() -> {
                if (stopping) {
                    return;
                }
                stopping = true;
                notifier.stopping();
                LOG.info("stopping ({})", reason);
                if (pending != null) {
                    pending.timer().cancel(false);
                    rollBack(pending, "vlinkd stopped before confirmation");
                }
                loop.shutdown();
                stopped.countDown();
            });
        } catch (RejectedExecutionException e) {
            // Already stopping.
        }
    }

    /** Returns once the stop has run: every task before it has finished, none after it does anything. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
        loop.awaitTermination(30, TimeUnit.SECONDS);
    }

    private <T> T call(Callable<T> c) {
        Future<T> f;
        try {
            f = loop.submit(c);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("vlinkd is stopping", e);
        }
        try {
            return f.get();
        } catch (CancellationException e) {
            throw new IllegalStateException("vlinkd is stopping", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
