package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.control.ControlClient;
import io.vlinkd.daemon.service.BackendUnavailableException;
import java.io.PrintWriter;

/** How a command reports that a layer it needs is missing: one line, exit 1, nothing pretended. */
final class Exits {
    private Exits() {
    }

    static int unavailable(PrintWriter err, String command, BackendUnavailableException e) {
        err.println("vlinkctl " + command + ": " + e.getMessage());
        err.flush();
        return ControlClient.EXIT_FAILURE;
    }
}
