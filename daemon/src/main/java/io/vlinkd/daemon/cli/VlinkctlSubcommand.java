package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.service.BackendUnavailableException;
import io.vlinkd.daemon.service.ConfigPort;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What every vlinkctl verb shares: {@code vlinkctl} itself (socket, backends, output streams), how a verb rejects
 * its arguments (exit 2 with the usage), and how a verb that works here reads config files. Picocli injects the
 * annotated fields of this superclass into each verb.
 */
abstract class VlinkctlSubcommand implements Callable<Integer> {
    @ParentCommand
    VlinkctlCommand parent;

    @Spec
    CommandLine.Model.CommandSpec spec;

    /** A usage error of this verb: picocli prints {@code message} and the verb's usage, and exits 2. */
    final CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    /**
     * Reads the config at {@code paths} through the config backend. When it is invalid, every problem is printed on
     * stderr and the result is empty: the verb then exits 1. A valid config's warnings go to stderr too.
     */
    final Optional<ConfigPort.Loaded> load(List<Path> paths) throws BackendUnavailableException {
        ConfigPort.LoadResult r = parent.backends().config().load(paths);
        if (r instanceof ConfigPort.Invalid inv) {
            inv.problems().forEach(parent.err()::println);
            parent.err().flush();
            return Optional.empty();
        }
        ConfigPort.Loaded loaded = (ConfigPort.Loaded) r;
        loaded.warnings().forEach(parent.err()::println);
        parent.err().flush();
        return Optional.of(loaded);
    }

    /**
     * {@link #load} of the FILEs a verb works on here rather than in the daemon ({@code apply --once},
     * {@code plan --offline}), which it cannot do without one: a usage error names {@code flag}.
     */
    final Optional<ConfigPort.Loaded> loadHere(List<Path> files, String flag) throws BackendUnavailableException {
        if (files.isEmpty()) {
            throw usage(flag + " needs at least one FILE");
        }
        return load(files);
    }
}
