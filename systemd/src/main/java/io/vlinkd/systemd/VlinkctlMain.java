package io.vlinkd.systemd;

import ch.qos.logback.classic.Level;
import io.vlinkd.daemon.cli.VlinkctlCommand;
import io.vlinkd.daemon.service.Backends;
import io.vlinkd.systemd.log.LogSetup;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Entry point of {@code vlinkctl}. Logs only warnings unless {@code LOG_LEVEL} asks for more. */
public final class VlinkctlMain {
    private VlinkctlMain() {
    }

    public static void main(String[] args) {
        Level level;
        try {
            String env = System.getenv("LOG_LEVEL");
            level = env == null || env.isEmpty() ? Level.WARN : LogSetup.parseLevel(env);
        } catch (IllegalArgumentException e) {
            System.err.println("vlinkctl: LOG_LEVEL: " + e.getMessage());
            level = Level.WARN;
        }
        LogSetup.configure(level, System.getenv());
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, false, StandardCharsets.UTF_8);
        System.exit(VlinkctlCommand.run(Backends.current(java.nio.file.Path.of(io.vlinkd.daemon.service.DaemonPaths.DEFAULT_STATE_DIR)), out, err, args));
    }
}
