package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.control.ControlRequest;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "confirm", mixinStandardHelpOptions = true,
        description = "Keep the change made by `vlinkctl apply --confirm-timeout S` (otherwise it is rolled back).")
final class ConfirmCommand implements Callable<Integer> {
    @ParentCommand
    VlinkctlCommand parent;

    @Override
    public Integer call() {
        return parent.remote(ControlRequest.of("confirm"));
    }
}
