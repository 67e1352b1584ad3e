package io.vlinkd.daemon.service;

/**
 * What the daemon tells its service manager (systemd's sd_notify protocol under systemd, log lines from
 * {@link LogNotifier} without it). Implementations must not throw: a lost notification is logged, never fatal to the
 * daemon.
 */
public interface ServiceNotifier {

    /** After the first converge, whether it worked or not; {@code status} says which. */
    void ready(String status);

    /** A reload starts; {@code monotonicUsec} is CLOCK_MONOTONIC now (systemd 253+ wants it with RELOADING=1). */
    void reloading(long monotonicUsec, String status);

    /** A reload finished (READY=1 again, with the new status). */
    void reloaded(String status);

    /** One line of state for {@code systemctl status}. */
    void status(String status);

    void stopping();

    void watchdog();

    /** The watchdog interval systemd asked for, in microseconds, or 0 when there is none. */
    long watchdogUsec();
}
