package io.vlinkd.daemon.cli;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.control.ControlClient;
import io.vlinkd.daemon.service.BackendUnavailableException;
import io.vlinkd.daemon.service.ConfigPort;
import io.vlinkd.daemon.service.DaemonPaths;
import io.vlinkd.daemon.service.OnlineCheck;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "wait-online", mixinStandardHelpOptions = true,
        description = {"Wait until every configured interface exists, is up (when configured up) and has its",
                "addresses (not tentative). Exits 0 when online, 5 on timeout, listing what is missing.",
                "vlinkd-wait-online.service runs it before network-online.target."})
final class WaitOnlineCommand extends VlinkctlSubcommand {
    /** How often the kernel is asked again: cheap (two dumps), and fast enough for a boot. */
    private static final long POLL_MILLIS = 200;

    @Option(names = "--timeout", paramLabel = "S", description = "give up after S seconds (default 120)")
    int timeout = 120;

    @Option(names = "--config-dir", paramLabel = "DIR", description = "the config to wait for (default "
            + DaemonPaths.DEFAULT_CONFIG_DIR + ")")
    Path configDir = Path.of(DaemonPaths.DEFAULT_CONFIG_DIR);

    @Override
    public Integer call() throws InterruptedException {
        if (timeout < 0) {
            throw usage("--timeout must not be negative");
        }
        try {
            Optional<ConfigPort.Loaded> config = load(List.of(configDir));
            if (config.isEmpty()) {
                return 1;
            }
            DesiredState state = config.get().state();
            long deadline = System.nanoTime() + timeout * 1_000_000_000L;
            while (true) {
                List<String> missing = OnlineCheck.missing(state, parent.backends().kernel().links(null),
                        parent.backends().kernel().addresses(null));
                if (missing.isEmpty()) {
                    return 0;
                }
                if (System.nanoTime() - deadline >= 0) {
                    parent.err().println("vlinkctl wait-online: not online after " + timeout + " s:");
                    missing.forEach(m -> parent.err().println("  " + m));
                    parent.err().flush();
                    return ControlClient.EXIT_TIMEOUT;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (BackendUnavailableException | IOException e) {
            return Exits.failed(parent.err(), "wait-online", e);
        }
    }
}
