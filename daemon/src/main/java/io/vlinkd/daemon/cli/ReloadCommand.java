package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.control.ControlRequest;
import picocli.CommandLine.Command;

@Command(name = "reload", mixinStandardHelpOptions = true,
        description = {"Make the daemon re-read its config directory and converge; waits for the outcome.",
                "An invalid config is rejected (every problem is printed) and the running state is kept."})
final class ReloadCommand extends VlinkctlSubcommand {
    @Override
    public Integer call() {
        return parent.remote(ControlRequest.of("reload"));
    }
}
