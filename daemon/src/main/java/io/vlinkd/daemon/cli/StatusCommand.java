package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.control.ControlRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Show the daemon's state and each managed interface: kind, state, owned or not, last error,",
                "and its counters (IFLA_STATS64)."})
final class StatusCommand implements Callable<Integer> {
    @ParentCommand
    VlinkctlCommand parent;

    @Option(names = "--json", description = "print one JSON document instead of a table")
    boolean json;

    @Override
    public Integer call() {
        ControlRequest r = ControlRequest.of("status");
        return parent.remote(json ? r.with("json", "true") : r);
    }
}
