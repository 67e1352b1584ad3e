package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.control.ControlRequest;
import io.vlinkd.daemon.service.BackendUnavailableException;
import io.vlinkd.daemon.service.ConfigPort;
import io.vlinkd.daemon.service.ReconcilePort;
import io.vlinkd.daemon.service.ReconcilePort.PlanFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what applying the config would do, changing nothing: one `ip` command per step,",
                "or with --format netlink the exact request bytes annotated by attribute name.",
                "Without --offline the daemon plans its config directory; with --offline vlinkctl reads FILEs",
                "and the kernel itself."})
final class PlanCommand extends VlinkctlSubcommand {
    @Option(names = "--offline", description = "plan FILEs here, without the daemon")
    boolean offline;

    @Option(names = "--netns", paramLabel = "NAME", description = "with --offline: plan for this named netns")
    String netns;

    @Option(names = "--format", paramLabel = "ip|netlink", description = "ip (default) or netlink")
    PlanFormat format = PlanFormat.IP;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "with --offline: config files or directories")
    List<Path> files = List.of();

    @Override
    public Integer call() {
        if (!offline) {
            if (!files.isEmpty() || netns != null) {
                throw usage("FILEs and --netns need --offline (the daemon plans its own config directory)");
            }
            return parent.remote(ControlRequest.of("plan").with("format", format.name().toLowerCase(Locale.ROOT)));
        }
        try {
            Optional<ConfigPort.Loaded> config = loadHere(files, "--offline");
            if (config.isEmpty()) {
                return 1;
            }
            ReconcilePort.PlanView plan = parent.backends().reconcile().plan(config.get().state(), netns, format);
            if (plan.steps().isEmpty() && plan.problems().isEmpty()) {
                parent.out().println("# nothing to do: the kernel matches the config");
            }
            plan.steps().forEach(parent.out()::println);
            plan.problems().forEach(parent.err()::println);
            parent.out().flush();
            parent.err().flush();
            return plan.problems().isEmpty() ? 0 : 1;
        } catch (BackendUnavailableException e) {
            return Exits.failed(parent.err(), "plan", e);
        }
    }
}
