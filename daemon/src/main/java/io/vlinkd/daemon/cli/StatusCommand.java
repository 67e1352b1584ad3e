package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.control.ControlRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the daemon's state and each managed interface: kind, state, owned or not, last error,",
                "and its counters (IFLA_STATS64)."})
final class StatusCommand extends VlinkctlSubcommand {
    @Option(names = "--json", description = "print one JSON document instead of a table")
    boolean json;

    @Override
    public Integer call() {
        ControlRequest r = ControlRequest.of("status");
        return parent.remote(json ? r.with("json", "true") : r);
    }
}
