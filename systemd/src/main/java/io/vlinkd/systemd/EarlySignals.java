package io.vlinkd.systemd;

import io.vlinkd.daemon.service.Daemon;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGHUP, SIGTERM and SIGINT handled from the first thing {@code vlinkd} does. Until this is installed the JVM's own
 * handlers run, and those end the process (SIGHUP: exit 129), so an operator's {@code kill -HUP} in the first second
 * after start must not find them. What arrives before the daemon exists is held and handed over when it does: a
 * reload (the daemon runs it after its first converge) and a stop.
 */
final class EarlySignals {
    private Daemon daemon;
    private String reload;
    private String stop;
    private final List<String> ignored = new ArrayList<>();

    private EarlySignals() {
    }

    /** Installs the handlers; call before anything else. */
    static EarlySignals install() {
        EarlySignals s = new EarlySignals();
        s.handle("HUP", () -> s.reload("SIGHUP"));
        s.handle("TERM", () -> s.stop("SIGTERM"));
        s.handle("INT", () -> s.stop("SIGINT"));
        return s;
    }

    /**
     * The JVM keeps a signal that vlinkd's parent set to be ignored ignored ({@code nohup} does so for SIGHUP, a
     * shell's {@code &} for SIGINT) and installs no handler: {@link #ignored()} names those, for one log line.
     */
    private void handle(String name, Runnable action) {
        SignalHandler before = Signal.handle(new Signal(name), sig -> action.run());
        if (before == SignalHandler.SIG_IGN) {
            ignored.add("SIG" + name);
        }
    }

    /** The signals inherited as ignored, which therefore do nothing. */
    List<String> ignored() {
        return List.copyOf(ignored);
    }

    synchronized void reload(String reason) {
        if (daemon != null) {
            daemon.requestReload(reason);
        } else if (reload == null) {
            reload = reason;
        }
    }

    synchronized void stop(String reason) {
        if (daemon != null) {
            daemon.stop(reason);
        } else if (stop == null) {
            stop = reason;
        }
    }

    /** From now on signals go to {@code d}; one that came before is delivered now. */
    synchronized void deliverTo(Daemon d) {
        daemon = d;
        if (reload != null) {
            d.requestReload(reload + " (during start)");
        }
        if (stop != null) {
            d.stop(stop);
        }
    }

    /** True when a stop was asked for before the daemon existed. */
    synchronized boolean stopRequested() {
        return stop != null;
    }
}
