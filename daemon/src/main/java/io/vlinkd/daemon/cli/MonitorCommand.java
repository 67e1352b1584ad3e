package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.service.BackendUnavailableException;
import java.io.IOException;
import picocli.CommandLine.Command;

@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Print link, address and route events as they happen, decoded like `ip monitor`,",
                "until interrupted. Reads the kernel directly (no daemon needed)."})
final class MonitorCommand extends VlinkctlSubcommand {
    @Override
    public Integer call() {
        try {
            parent.backends().kernel().monitor(line -> {
                parent.out().println(line);
                parent.out().flush();
                return !parent.out().checkError();
            });
            return 0;
        } catch (BackendUnavailableException | IOException e) {
            return Exits.failed(parent.err(), "monitor", e);
        }
    }
}
