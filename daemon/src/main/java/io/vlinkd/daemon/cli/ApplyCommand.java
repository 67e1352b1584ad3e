package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.control.ControlRequest;
import io.vlinkd.daemon.service.BackendUnavailableException;
import io.vlinkd.daemon.service.ConfigPort;
import io.vlinkd.daemon.service.ReconcilePort;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply the config now.",
                "Through the daemon: it re-reads its config directory and applies it; with --confirm-timeout S",
                "the change is rolled back unless `vlinkctl confirm` follows within S seconds.",
                "With --once (no daemon): converge FILEs once, verify, and exit 0, or exit 1 with the reason",
                "after rolling back."})
final class ApplyCommand implements Callable<Integer> {
    @ParentCommand
    VlinkctlCommand parent;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--confirm-timeout", paramLabel = "S", description = "roll back unless confirmed in S seconds")
    Integer confirmTimeout;

    @Option(names = "--once", description = "apply FILEs here, without the daemon")
    boolean once;

    @Option(names = "--netns", paramLabel = "NAME", description = "with --once: apply inside this named netns")
    String netns;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "with --once: config files or directories")
    List<Path> files = List.of();

    @Override
    public Integer call() {
        if (confirmTimeout != null && confirmTimeout <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--confirm-timeout must be at least 1");
        }
        if (!once) {
            if (!files.isEmpty() || netns != null) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "FILEs and --netns need --once (the daemon applies its own config directory)");
            }
            ControlRequest r = ControlRequest.of("apply");
            return parent.remote(confirmTimeout == null ? r : r.with("confirm-timeout", confirmTimeout.toString()));
        }
        if (confirmTimeout != null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--confirm-timeout needs the daemon (nobody would roll back after vlinkctl exits)");
        }
        if (files.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--once needs at least one FILE");
        }
        try {
            ConfigPort.LoadResult r = parent.backends().config().load(files);
            if (r instanceof ConfigPort.Invalid inv) {
                inv.problems().forEach(parent.err()::println);
                parent.err().flush();
                return 1;
            }
            ReconcilePort.Applied a = parent.backends().reconcile().apply(((ConfigPort.Loaded) r).state(), netns);
            for (ReconcilePort.Event ev : a.events()) {
                (ev.error() ? parent.err() : parent.out()).println(ev.line());
            }
            (a.ok() ? parent.out() : parent.err()).println(a.summary());
            parent.out().flush();
            parent.err().flush();
            return a.ok() ? 0 : 1;
        } catch (BackendUnavailableException e) {
            return Exits.unavailable(parent.err(), "apply", e);
        }
    }
}
