package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.service.BackendUnavailableException;
import picocli.CommandLine.Command;

@Command(name = "schema", mixinStandardHelpOptions = true,
        description = "Print the JSON Schema of the config format (for editors).")
final class SchemaCommand extends VlinkctlSubcommand {
    @Override
    public Integer call() {
        try {
            parent.out().println(parent.backends().config().schema());
            parent.out().flush();
            return 0;
        } catch (BackendUnavailableException e) {
            return Exits.failed(parent.err(), "schema", e);
        }
    }
}
