package io.vlinkd.daemon.service;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's state and its one loop. Every change of state (first converge, reload, apply, confirm, the
 * confirm deadline, stop) runs on the single thread {@code vlinkd-main}, so they never interleave; callers from
 * the control socket, the signal handler and the config watcher submit work and, where a reply is due, wait for it.
 * The watchdog is fed from that same thread, so a loop that hangs is restarted by systemd.
 */
public final class Daemon {
    private static final Logger LOG = LoggerFactory.getLogger("vlinkd");

    private final DaemonPaths paths;
    private final ConfigPort config;
    private final ReconcilePort reconcile;
    private final ServiceNotifier notifier;
    private final ScheduledExecutorService loop;
    private final CountDownLatch stopped = new CountDownLatch(1);

    // Confined to the loop thread.
    // Volatile: the drift watcher reads it from its own thread.
    private volatile DesiredState running = DesiredState.empty();
    private String lastLoadSummary = "no config loaded";
    private Outcome last = new Outcome(false, "not converged yet", Instant.now());
    private Pending pending;
    private final java.util.Map<String, String> lastErrors = new java.util.TreeMap<>();
    private boolean stopping;
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

    /** The config the kernel is being kept at (the last one applied, or the one restored by a rollback). */
    public DesiredState running() {
        return running;
    }

    public DaemonPaths paths() {
        return paths;
    }

    /**
     * The first converge: load, apply, then READY=1 (also when it failed: systemd must not wait for a start that
     * will not come; the failure is in STATUS= and the journal). Starts the watchdog if systemd asked for one.
     */
    public Outcome start() {
        Outcome o = call(() -> {
            Outcome r = converge("start");
            notifier.ready(statusLine());
            return r;
        });
        long wd = notifier.watchdogUsec();
        if (wd > 0) {
            long every = Math.max(1, wd / 2);
            loop.scheduleAtFixedRate(notifier::watchdog, every, every, TimeUnit.MICROSECONDS);
            LOG.debug("watchdog: WATCHDOG=1 every {} ms", every / 1000);
        }
        return o;
    }

    /** Queues a reload and returns at once (SIGHUP, a changed config file). */
    public void requestReload(String reason) {
        try {
            loop.execute(() -> reloadNow(reason));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("reload ({}) ignored: stopping", reason);
        }
    }

    /** Reloads and waits for the outcome ({@code vlinkctl reload}). */
    public Reply reload(String reason) {
        return call(() -> reloadNow(reason));
    }

    private Reply reloadNow(String reason) {
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

    /** Load and apply; on an invalid config the running state is kept and every problem is logged. */
    private Outcome converge(String reason, List<String> err) {
        LoadResult loaded;
        try {
            loaded = config.load(List.of(paths.configDir()));
        } catch (BackendUnavailableException e) {
            return record(false, reason + ": cannot load " + paths.configDir() + ": " + e.getMessage(), err);
        }
        if (loaded instanceof Invalid inv) {
            for (String p : inv.problems()) {
                LOG.error(p);
                err.add(p);
            }
            String what = inv.problems().size() == 1 ? "1 problem" : inv.problems().size() + " problems";
            return record(false, reason + ": config in " + paths.configDir() + " rejected: " + what
                    + "; keeping the running config", err);
        }
        Loaded ok = (Loaded) loaded;
        lastLoadSummary = ok.summary();
        List<String> files = ok.state().files().stream().map(Object::toString).toList();
        LOG.info("{}: read {}: {}", reason, files.isEmpty() ? paths.configDir() + " (no files)"
                : String.join(", ", files), ok.summary());
        ok.warnings().forEach(LOG::warn);
        Applied applied;
        try {
            applied = reconcile.apply(ok.state(), null);
        } catch (BackendUnavailableException e) {
            return record(false, reason + ": cannot apply: " + e.getMessage(), err);
        }
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
        if (applied.ok()) {
            running = ok.state();
            lastRollback = applied.rollback();
            return record(true, applied.summary(), err);
        }
        lastRollback = Optional.empty();
        return record(false, reason + ": " + applied.summary(), err);
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
                    last, Optional.ofNullable(pending).map(Pending::deadline), running, Map.copyOf(lastErrors));
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
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Already stopping.
        }
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
        loop.awaitTermination(30, TimeUnit.SECONDS);
    }

    private <T> T call(Callable<T> c) {
        Future<T> f;
        try {
            f = loop.submit(c);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("vlinkd is stopping", e);
        }
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }
}
