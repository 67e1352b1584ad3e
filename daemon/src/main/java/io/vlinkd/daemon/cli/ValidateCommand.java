package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.service.BackendUnavailableException;
import io.vlinkd.daemon.service.ConfigPort;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check config files or directories without touching the kernel.",
                "Prints every problem as file:line:column: key: message, or one summary line when valid."})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    VlinkctlCommand parent;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "YAML files or directories (their *.yaml)")
    List<Path> paths;

    @Override
    public Integer call() {
        try {
            ConfigPort.LoadResult r = parent.backends().config().load(paths);
            if (r instanceof ConfigPort.Invalid inv) {
                inv.problems().forEach(parent.err()::println);
                parent.err().flush();
                return 1;
            }
            parent.out().println(((ConfigPort.Loaded) r).summary());
            parent.out().flush();
            return 0;
        } catch (BackendUnavailableException e) {
            return Exits.unavailable(parent.err(), "validate", e);
        }
    }
}
