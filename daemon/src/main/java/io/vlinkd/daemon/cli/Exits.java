package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.control.ControlClient;
import java.io.PrintWriter;

/**
 * How a command reports that a layer it needs is missing, or that reading the kernel or the daemon failed: one line,
 * exit 1, nothing pretended.
 */
final class Exits {
    private Exits() {
    }

    /** @param e a {@code BackendUnavailableException}, or the I/O error of reading the kernel or the daemon */
    static int failed(PrintWriter err, String command, Exception e) {
        err.println("vlinkctl " + command + ": " + e.getMessage());
        err.flush();
        return ControlClient.EXIT_FAILURE;
    }
}
