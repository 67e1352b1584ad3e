package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.service.BackendUnavailableException;
import io.vlinkd.daemon.service.ConfigPort;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check config files or directories without touching the kernel.",
                "Prints every problem as file:line:column: key: message, or one summary line when valid",
                "(after its warnings, file:line:column: key: warning: message, which reject nothing)."})
final class ValidateCommand extends VlinkctlSubcommand {
    @Parameters(arity = "1..*", paramLabel = "PATH", description = "YAML files or directories (their *.yaml)")
    List<Path> paths;

    @Override
    public Integer call() {
        try {
            Optional<ConfigPort.Loaded> config = load(paths);
            if (config.isEmpty()) {
                return 1;
            }
            parent.out().println(config.get().summary());
            parent.out().flush();
            return 0;
        } catch (BackendUnavailableException e) {
            return Exits.failed(parent.err(), "validate", e);
        }
    }
}
