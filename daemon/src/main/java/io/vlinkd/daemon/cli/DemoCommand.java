package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.service.BackendUnavailableException;
import picocli.CommandLine.Command;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Provision an example config into a private network namespace, print the result as",
                "`ip -d link` would (rendered by vlinkd from its own dump), and remove the namespace. Needs root."})
final class DemoCommand extends VlinkctlSubcommand {
    @Override
    public Integer call() {
        try {
            return new Demo(parent.backends(), parent.out(), parent.err()).run();
        } catch (BackendUnavailableException e) {
            return Exits.failed(parent.err(), "demo", e);
        }
    }
}
