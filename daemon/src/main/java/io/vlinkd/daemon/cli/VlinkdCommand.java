package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.service.DaemonPaths;
import io.vlinkd.daemon.service.Version;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The options of {@code vlinkd} (the daemon). Parsing only: the systemd module's {@code VlinkdMain} wires
 * logging, sd_notify and signals around the daemon these options describe.
 */
@Command(name = "vlinkd", mixinStandardHelpOptions = true, versionProvider = VlinkdCommand.VersionProvider.class,
        description = {"Provision virtual network interfaces from the YAML files in the config directory and keep",
                "them so. Runs in the foreground (systemd: Type=notify). Reloads on SIGHUP, `vlinkctl reload`,",
                "and when a file in the config directory changes; stops cleanly on SIGTERM."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped cleanly", "1:could not start (e.g. another vlinkd holds the state or runtime directory)",
                "2:usage error"})
public final class VlinkdCommand {

    @Option(names = "--config-dir", paramLabel = "DIR", description = "default: " + DaemonPaths.DEFAULT_CONFIG_DIR)
    Path configDir = Path.of(DaemonPaths.DEFAULT_CONFIG_DIR);

    @Option(names = "--state-dir", paramLabel = "DIR", description = "default: " + DaemonPaths.DEFAULT_STATE_DIR)
    Path stateDir = Path.of(DaemonPaths.DEFAULT_STATE_DIR);

    @Option(names = "--runtime-dir", paramLabel = "DIR", description = "holds control.sock; default: "
            + DaemonPaths.DEFAULT_RUNTIME_DIR)
    Path runtimeDir = Path.of(DaemonPaths.DEFAULT_RUNTIME_DIR);

    @Option(names = "--log-level", paramLabel = "LEVEL",
            description = "error, warn, info, debug or trace; default: $LOG_LEVEL, else info")
    String logLevel;

    @Option(names = "--control-group", paramLabel = "GROUP",
            description = "also let this group (the client's primary group) use the control socket; default: root only")
    String controlGroup;

    @Option(names = "--no-watch", description = "do not reload when files in the config directory change")
    boolean noWatch;

    public DaemonPaths paths() {
        return new DaemonPaths(configDir, stateDir, runtimeDir);
    }

    /** The level option as given, or null. */
    public String logLevel() {
        return logLevel;
    }

    public Optional<String> controlGroup() {
        return Optional.ofNullable(controlGroup);
    }

    public boolean watch() {
        return !noWatch;
    }

    /** Parses {@code args}; null after printing help/version or a usage error, with {@code exit[0]} set. */
    public static VlinkdCommand parse(String[] args, java.io.PrintWriter out, java.io.PrintWriter err, int[] exit) {
        VlinkdCommand c = new VlinkdCommand();
        CommandLine cl = new CommandLine(c);
        cl.setOut(out);
        cl.setErr(err);
        try {
            CommandLine.ParseResult pr = cl.parseArgs(args);
            if (CommandLine.printHelpIfRequested(pr)) {
                exit[0] = 0;
                return null;
            }
            return c;
        } catch (CommandLine.ParameterException e) {
            err.println("vlinkd: " + e.getMessage());
            err.println("Try 'vlinkd --help'.");
            err.flush();
            exit[0] = 2;
            return null;
        }
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vlinkd " + Version.VERSION};
        }
    }
}
