package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.control.ConfirmTimeout;
import io.vlinkd.daemon.control.ControlClient;
import io.vlinkd.daemon.control.ControlRequest;
import io.vlinkd.daemon.service.BackendUnavailableException;
import io.vlinkd.daemon.service.ConfigPort;
import io.vlinkd.daemon.service.ReconcilePort;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Apply the config now.",
                "Through the daemon: it re-reads its config directory and applies it; with --confirm-timeout S",
                "the change is rolled back unless `vlinkctl confirm` follows within S seconds.",
                "With --once (no daemon): converge FILEs once, verify, and exit 0, or exit 1 with the reason",
                "after rolling back."})
final class ApplyCommand extends VlinkctlSubcommand {
    @Option(names = "--confirm-timeout", paramLabel = "S",
            description = "roll back unless confirmed in S seconds (1.." + ConfirmTimeout.MAX_SECONDS + ")")
    String confirmTimeout;

    @Option(names = "--once", description = "apply FILEs here, without the daemon")
    boolean once;

    @Option(names = "--netns", paramLabel = "NAME", description = "with --once: apply inside this named netns")
    String netns;

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "with --once: config files or directories")
    List<Path> files = List.of();

    @Override
    public Integer call() {
        Duration timeout = null;
        if (confirmTimeout != null) {
            try {
                timeout = ConfirmTimeout.parse(confirmTimeout);
            } catch (IllegalArgumentException e) {
                throw usage("--" + e.getMessage());
            }
        }
        if (!once) {
            if (!files.isEmpty() || netns != null) {
                throw usage("FILEs and --netns need --once (the daemon applies its own config directory)");
            }
            ControlRequest r = ControlRequest.of("apply");
            return parent.remote(confirmTimeout == null ? r : r.with("confirm-timeout",
                    Long.toString(timeout.toSeconds())));
        }
        if (confirmTimeout != null) {
            throw usage("--confirm-timeout needs the daemon (nobody would roll back after vlinkctl exits)");
        }
        try {
            Optional<ConfigPort.Loaded> config = loadHere(files, "--once");
            if (config.isEmpty()) {
                return 1;
            }
            ReconcilePort reconcile = parent.backends().reconcile();
            Closeable held;
            try {
                held = reconcile.holdStateDirectory();
            } catch (IOException e) {
                parent.err().println("vlinkctl apply --once: " + e.getMessage()
                        + " (`vlinkctl apply` has the running daemon apply its config)");
                parent.err().flush();
                return ControlClient.EXIT_UNREACHABLE;
            }
            ReconcilePort.Applied a;
            try {
                a = reconcile.apply(config.get().state(), netns);
            } finally {
                release(held);
            }
            for (ReconcilePort.Event ev : a.events()) {
                (ev.error() ? parent.err() : parent.out()).println(ev.line());
            }
            (a.ok() ? parent.out() : parent.err()).println(a.summary());
            parent.out().flush();
            parent.err().flush();
            return a.ok() ? 0 : 1;
        } catch (BackendUnavailableException e) {
            return Exits.failed(parent.err(), "apply", e);
        }
    }

    private void release(Closeable held) {
        try {
            held.close();
        } catch (IOException e) {
            parent.err().println("vlinkctl apply --once: releasing the state directory: " + e.getMessage());
        }
    }
}
