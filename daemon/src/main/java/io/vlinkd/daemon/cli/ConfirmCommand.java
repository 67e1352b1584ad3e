package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.control.ControlRequest;
import picocli.CommandLine.Command;

@Command(name = "confirm", mixinStandardHelpOptions = true,
        description = "Keep the change made by `vlinkctl apply --confirm-timeout S` (otherwise it is rolled back).")
final class ConfirmCommand extends VlinkctlSubcommand {
    @Override
    public Integer call() {
        return parent.remote(ControlRequest.of("confirm"));
    }
}
