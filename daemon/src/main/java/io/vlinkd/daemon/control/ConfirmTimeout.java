package io.vlinkd.daemon.control;

import java.time.Duration;

/**
 * The {@code --confirm-timeout S} of {@code vlinkctl apply}, checked by vlinkctl and again by the daemon before
 * anything is applied: a timeout the daemon cannot schedule (9223372036854775807 s overflows the deadline's
 * milliseconds) must be a usage error, not a change applied with no rollback armed.
 */
public final class ConfirmTimeout {
    /** One day: long enough to walk to the console of a host in another building, short enough to be a timeout. */
    public static final long MAX_SECONDS = 86_400;

    private ConfirmTimeout() {
    }

    /** {@code text} as a duration in whole seconds, 1..{@link #MAX_SECONDS}; the exception's message says why not. */
    public static Duration parse(String text) {
        long seconds;
        try {
            seconds = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(problem("'" + text + "' is not a whole number of seconds"));
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new IllegalArgumentException(problem(seconds + " is out of range"));
        }
        return Duration.ofSeconds(seconds);
    }

    private static String problem(String what) {
        return "confirm-timeout: " + what + "; it must be 1.." + MAX_SECONDS + " seconds (24 h)";
    }
}
