package io.vlinkd.systemd;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.vlinkd.daemon.cli.VlinkctlCommand;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.service.Backends;
import io.vlinkd.systemd.log.LogSetup;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.slf4j.LoggerFactory;

/** Entry point of {@code vlinkctl}. Logs only warnings unless {@code LOG_LEVEL} asks for more. */
public final class VlinkctlMain {
    private VlinkctlMain() {
    }

    public static void main(String[] args) {
        Level level;
        String env = System.getenv("LOG_LEVEL");
        try {
            level = env == null || env.isEmpty() ? Level.WARN : LogSetup.parseLevel(env);
        } catch (IllegalArgumentException e) {
            System.err.println("vlinkctl: LOG_LEVEL: " + e.getMessage());
            level = Level.WARN;
        }
        LogSetup.configure(level, System.getenv());
        if (env == null || env.isEmpty()) {
            // apply --once and demo print each step and each refusal as their output; the reconciler's own log
            // lines (the daemon's journal) would say every refusal a second time on the same terminal.
            ((Logger) LoggerFactory.getLogger(Reconciler.class.getPackageName())).setLevel(Level.OFF);
        }
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, false, StandardCharsets.UTF_8);
        System.exit(VlinkctlCommand.run(Backends.current(java.nio.file.Path.of(io.vlinkd.daemon.service.DaemonPaths.DEFAULT_STATE_DIR)), out, err, args));
    }
}
