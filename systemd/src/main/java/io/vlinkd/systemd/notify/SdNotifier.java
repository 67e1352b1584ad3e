package io.vlinkd.systemd.notify;

import io.vlinkd.daemon.service.ServiceNotifier;
import java.io.IOException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The daemon's notifications in the sd_notify protocol (sd_notify(3)); a lost one is logged, never fatal.
 * The watchdog interval comes from {@code WATCHDOG_USEC}, honoured only when {@code WATCHDOG_PID} is unset or
 * names this process (systemd sets it so a forked child does not feed its parent's watchdog).
 */
public final class SdNotifier implements ServiceNotifier {
    private static final Logger LOG = LoggerFactory.getLogger("vlinkd");

    private final SdNotify socket;
    private final long watchdogUsec;

    public SdNotifier(SdNotify socket, long watchdogUsec) {
        this.socket = socket;
        this.watchdogUsec = watchdogUsec;
    }

    /** {@code WATCHDOG_USEC} when it is meant for process {@code pid}, else 0. */
    public static long watchdogUsec(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        if (usec == null || usec.isEmpty()) {
            return 0;
        }
        String forPid = env.get("WATCHDOG_PID");
        if (forPid != null && !forPid.isEmpty() && !forPid.equals(Long.toString(pid))) {
            return 0;
        }
        try {
            long v = Long.parseLong(usec);
            return v > 0 ? v : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** STATUS= takes one line; a newline would end the assignment and start a bogus one. */
    static String statusValue(String s) {
        return s.replace('\n', ' ');
    }

    static String readyMessage(String status) {
        return "READY=1\nSTATUS=" + statusValue(status);
    }

    static String reloadingMessage(long monotonicUsec, String status) {
        return "RELOADING=1\nMONOTONIC_USEC=" + monotonicUsec + "\nSTATUS=" + statusValue(status);
    }

    static final String STOPPING = "STOPPING=1\nSTATUS=stopping";
    static final String WATCHDOG = "WATCHDOG=1";

    private void send(String message) {
        try {
            socket.send(message);
        } catch (IOException e) {
            LOG.warn("sd_notify: {}", e.getMessage());
        }
    }

    @Override
    public void ready(String status) {
        send(readyMessage(status));
    }

    @Override
    public void reloading(long monotonicUsec, String status) {
        send(reloadingMessage(monotonicUsec, status));
    }

    @Override
    public void reloaded(String status) {
        send(readyMessage(status));
    }

    @Override
    public void status(String status) {
        send("STATUS=" + statusValue(status));
    }

    @Override
    public void stopping() {
        send(STOPPING);
    }

    @Override
    public void watchdog() {
        send(WATCHDOG);
    }

    @Override
    public long watchdogUsec() {
        return watchdogUsec;
    }
}
