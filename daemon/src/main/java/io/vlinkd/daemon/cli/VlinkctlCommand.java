package io.vlinkd.daemon.cli;

import io.vlinkd.daemon.control.ControlClient;
import io.vlinkd.daemon.control.ControlRequest;
import io.vlinkd.daemon.service.Backends;
import io.vlinkd.daemon.service.DaemonPaths;
import io.vlinkd.daemon.service.Version;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code vlinkctl}: talks to the daemon over its control socket, or works alone (validate, plan --offline...). */
@Command(name = "vlinkctl", mixinStandardHelpOptions = true, versionProvider = VlinkctlCommand.VersionProvider.class,
        description = "Control vlinkd, or validate, plan and apply vlinkd configs without a daemon.",
        subcommands = {StatusCommand.class, PlanCommand.class, ApplyCommand.class, ConfirmCommand.class,
                ReloadCommand.class, MonitorCommand.class, ValidateCommand.class, SchemaCommand.class,
                WaitOnlineCommand.class, DemoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:success",
                "1:failure: config problems, a failed apply (rolled back), a missing backend",
                "2:usage error",
                "3:vlinkd unreachable (not running, or no control socket) or busy (try again)",
                "4:permission denied on the control socket",
                "5:timeout (wait-online)"})
public final class VlinkctlCommand implements Runnable {
    private final Backends backends;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--socket", paramLabel = "PATH", description = "the daemon's control socket (default: "
            + DaemonPaths.DEFAULT_RUNTIME_DIR + "/" + DaemonPaths.CONTROL_SOCKET_NAME + ")")
    Path socket = Path.of(DaemonPaths.DEFAULT_RUNTIME_DIR, DaemonPaths.CONTROL_SOCKET_NAME);

    @Option(names = "--state-dir", paramLabel = "DIR", description = "where apply --once records what it created "
            + "(default: " + DaemonPaths.DEFAULT_STATE_DIR + "); give each namespace or container its own")
    Path stateDir;

    public VlinkctlCommand(Backends backends) {
        this.backends = backends;
    }

    Backends backends() {
        return stateDir == null ? backends : backends.atStateDir(stateDir);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Sends {@code request} to the daemon and prints its reply; returns the daemon's exit code. */
    int remote(ControlRequest request) {
        PrintWriter out = out();
        PrintWriter err = err();
        try {
            int code = new ControlClient(socket).call(request, out::println, err::println);
            out.flush();
            err.flush();
            return code;
        } catch (ControlClient.UnreachableException e) {
            err.println("vlinkctl: " + e.getMessage());
            err.flush();
            return e.exitCode();
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required (see vlinkctl --help)");
    }

    /** Builds the command line with the given backends and streams (tests pass their own). */
    public static CommandLine commandLine(Backends backends, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new VlinkctlCommand(backends));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Runs vlinkctl; returns its exit code. */
    public static int run(Backends backends, PrintWriter out, PrintWriter err, String... args) {
        int code = commandLine(backends, out, err).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"vlinkctl " + Version.VERSION};
        }
    }
}
