package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.control.ControlRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "reload", mixinStandardHelpOptions = true,
        description = {"Make the daemon re-read its config directory and converge; waits for the outcome.",
                "An invalid config is rejected (every problem is printed) and the running state is kept."})
final class ReloadCommand implements Callable<Integer> {
    @ParentCommand
    VlinkctlCommand parent;

    @Override
    public Integer call() {
        return parent.remote(ControlRequest.of("reload"));
    }
}
