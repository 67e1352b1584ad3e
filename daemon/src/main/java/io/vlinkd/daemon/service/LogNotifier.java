package io.vlinkd.daemon.service;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service manager's view when there is none ({@code $NOTIFY_SOCKET} unset: a container, a shell): READY=1 and
 * the end of a reload become log lines, so a supervisor that only sees stdout (Docker, Kubernetes, a test waiting
 * for a log line) can tell when the first converge is done. The lines start with {@code ready:} and
 * {@code reloaded:}, followed by the same status systemd would get.
 */
public final class LogNotifier implements ServiceNotifier {
    private static final Logger LOG = LoggerFactory.getLogger("vlinkd");

    @Override
    public void ready(String status) {
        LOG.info("ready: {}", status);
    }

    @Override
    public void reloading(long monotonicUsec, String status) {
        // "reloading (reason)" is already logged by the daemon.
    }

    @Override
    public void reloaded(String status) {
        LOG.info("reloaded: {}", status);
    }

    @Override
    public void status(String status) {
        // Every status change is logged where it happens.
    }

    @Override
    public void stopping() {
        // "stopping (reason)" is already logged by the daemon.
    }

    @Override
    public void watchdog() {
    }

    @Override
    public long watchdogUsec() {
        return 0;
    }
}
