package io.vlinkd.systemd;

import ch.qos.logback.classic.Level;
import io.vlinkd.daemon.cli.VlinkdCommand;
import io.vlinkd.daemon.control.ControlServer;
import io.vlinkd.daemon.control.PeerPolicy;
import io.vlinkd.daemon.service.Backends;
import io.vlinkd.daemon.service.ConfigWatcher;
import io.vlinkd.daemon.service.Daemon;
import io.vlinkd.daemon.service.DaemonControl;
import io.vlinkd.daemon.service.LogNotifier;
import io.vlinkd.daemon.service.ServiceNotifier;
import io.vlinkd.daemon.service.StatusView;
import io.vlinkd.daemon.service.ReconcilerBackend;
import io.vlinkd.daemon.service.Version;
import io.vlinkd.daemon.reconcile.DriftWatcher;
import io.vlinkd.daemon.reconcile.KernelException;
import io.vlinkd.daemon.reconcile.TeamFailover;
import io.vlinkd.daemon.state.DirectoryLock;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.systemd.log.LogSetup;
import io.vlinkd.systemd.notify.SdNotifier;
import io.vlinkd.systemd.notify.SdNotify;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code vlinkd}: options, logging, sd_notify, signals, the control socket and the config
 * watcher around the {@link Daemon}.
 */
public final class VlinkdMain {
    /** A save in an editor or a `cp` of several files settles well within this. */
    private static final Duration DEBOUNCE = Duration.ofMillis(500);
    /**
     * Drift is repaired once notifications have been quiet this long. One change of someone else's comes as a burst
     * (`ip link del br0`: the bridge goes down, then is unregistered) whose notifications follow each other within a
     * fraction of a millisecond; a repair started between them plans against a link about to go and fails. Later
     * notifications join a repair still queued (Daemon#driftDetected) or make one more check, which the event-fed
     * view answers without a dump.
     */
    private static final Duration DRIFT_DEBOUNCE = Duration.ofMillis(2);

    private VlinkdMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.getenv()));
    }

    private static boolean owns(OwnershipStore store, String name) {
        try {
            return store.load().get(name).isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * The user space of activebackup teams (no teamd): sets "activeport" at start and when the active port loses
     * carrier, on its own thread and sockets beside the drift watcher. Null without a kernel (no reconciler).
     */
    private static TeamFailover startTeamFailover(Backends backends, Daemon daemon, Logger log) {
        if (!(backends.reconcile() instanceof ReconcilerBackend)) {
            return null;
        }
        try {
            TeamFailover failover = TeamFailover.open(io.vlinkd.netlink.socket.Netns.current(), daemon::running);
            Thread t = new Thread(failover, "vlinkd-team-failover");
            t.setDaemon(true);
            t.start();
            return failover;
        } catch (KernelException e) {
            log.error("team failover disabled: {}", e.getMessage());
            return null;
        }
    }

    static int run(String[] args, Map<String, String> env) throws InterruptedException {
        // First: until this runs, the JVM's handlers end the process on SIGHUP (exit 129) or SIGTERM.
        EarlySignals signals = EarlySignals.install();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        int[] exit = {0};
        VlinkdCommand opts = VlinkdCommand.parse(args, out, err, exit);
        if (opts == null) {
            return exit[0];
        }
        Level level;
        try {
            level = LogSetup.chooseLevel(opts.logLevel(), env);
        } catch (IllegalArgumentException e) {
            err.println("vlinkd: " + e.getMessage());
            return 2;
        }
        LogSetup.configure(level, env);
        Logger log = LoggerFactory.getLogger("vlinkd");
        if (!signals.ignored().isEmpty()) {
            log.warn("started with {} ignored by its parent, which vlinkd cannot undo (nohup ignores SIGHUP: reload with "
                    + "`vlinkctl reload`)", String.join(", ", signals.ignored()));
        }
        // Before anything is written (kernel, ledger, control socket): one daemon per state and runtime directory.
        DirectoryLock stateLock;
        DirectoryLock runtimeLock;
        try {
            stateLock = DirectoryLock.acquire(opts.paths().stateDir(), "state directory");
        } catch (IOException e) {
            log.error("cannot start: {}", e.getMessage());
            return 1;
        }
        try {
            runtimeLock = DirectoryLock.acquire(opts.paths().runtimeDir(), "runtime directory");
        } catch (IOException e) {
            log.error("cannot start: {}", e.getMessage());
            release(stateLock, log);
            return 1;
        }

        // Without a service manager (a container, a shell) readiness is a log line: "ready: converged: ...".
        ServiceNotifier notifier = new LogNotifier();
        SdNotify sd = null;
        try {
            sd = SdNotify.fromEnvironment(env);
            if (sd != null) {
                notifier = new SdNotifier(sd, SdNotifier.watchdogUsec(env, ProcessHandle.current().pid()));
            }
        } catch (IOException | IllegalArgumentException e) {
            log.error("sd_notify disabled: {}", e.getMessage());
        }

        Backends backends = Backends.current(opts.paths().stateDir());
        OwnershipStore owned = new OwnershipStore(opts.paths().stateDir().resolve("owned"));
        log.info("vlinkd {} starting: config {}, state {}, runtime {}", Version.VERSION, opts.paths().configDir(),
                opts.paths().stateDir(), opts.paths().runtimeDir());
        Daemon daemon = new Daemon(opts.paths(), backends.config(), backends.reconcile(), notifier);
        signals.deliverTo(daemon);
        ControlServer control;
        try {
            control = ControlServer.start(opts.paths().controlSocket(),
                    new PeerPolicy(opts.controlGroup()),
                    new DaemonControl(daemon, new StatusView(backends.kernel(), name -> owns(owned, name),
                            () -> backends.reconcile() instanceof ReconcilerBackend b ? b.foreignReport().current()
                                    : java.util.Optional.empty())));
        } catch (IOException e) {
            log.error("cannot serve the control socket: {}", e.getMessage());
            daemon.stop("start-up failed");
            daemon.awaitStop();
            return 1;
        }

        // Subscribed before the first converge, so no change after it goes unseen. The watcher only detects; the
        // repair is a task on the daemon's loop.
        DriftWatcher drift = null;
        if (backends.reconcile() instanceof ReconcilerBackend rb) {
            try {
                drift = rb.driftWatcher(daemon::running, DRIFT_DEBOUNCE, daemon::driftDetected);
                Thread t = new Thread(drift, "vlinkd-drift");
                t.setDaemon(true);
                t.start();
            } catch (KernelException e) {
                log.error("drift repair disabled: {}", e.getMessage());
            }
        }
        // Watching before the first converge reads the files: a change after that read is a reload queued behind it.
        ConfigWatcher watcher = null;
        if (opts.watch()) {
            try {
                watcher = ConfigWatcher.start(opts.paths().configDir(), DEBOUNCE, daemon::requestReload);
            } catch (IOException e) {
                log.warn("{}: cannot watch for changes: {}", opts.paths().configDir(), e.getMessage());
            }
        }
        daemon.start();
        TeamFailover failover = startTeamFailover(backends, daemon, log);
        daemon.awaitStop();
        if (drift != null) {
            drift.stop();
        }
        if (failover != null) {
            failover.stop();
        }
        try {
            if (watcher != null) {
                watcher.close();
            }
            control.close();
        } catch (IOException e) {
            log.warn("shutdown: {}", e.getMessage());
        }
        if (backends.reconcile() instanceof ReconcilerBackend rb) {
            rb.close();
        }
        if (sd != null) {
            sd.close();
        }
        release(runtimeLock, log);
        release(stateLock, log);
        log.info("stopped");
        return 0;
    }

    private static void release(DirectoryLock lock, Logger log) {
        try {
            lock.close();
        } catch (IOException e) {
            log.warn("{}: {}", lock.file(), e.getMessage());
        }
    }
}
