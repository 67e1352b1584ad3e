package io.vlinkd.it.daemon;

import io.vlinkd.it.TestNamespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code vlinkd} process (io.vlinkd.systemd.VlinkdMain on this build's classpath) inside a test namespace:
 * {@code ip netns exec NS java ... --config-dir C --state-dir S --runtime-dir R --no-watch}, its output in a log
 * file. {@code ip netns exec} replaces itself with java, so the process's pid is the daemon's and {@link #kill()}
 * is a real {@code kill -9} of it.
 */
final class DaemonProcess implements AutoCloseable {
    private final Process process;
    private final Path log;

    private DaemonProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static DaemonProcess start(TestNamespace ns, Path config, Path state, Path runtime, Path log) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns.name(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(ProcessTimeouts.JVM_FLAGS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.vlinkd.systemd.VlinkdMain",
                "--config-dir", config.toString(), "--state-dir", state.toString(),
                "--runtime-dir", runtime.toString(), "--no-watch"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        // Plain log lines on stdout, no service manager: readiness is the "ready:" line (LogNotifier).
        pb.environment().keySet().removeAll(List.of("NOTIFY_SOCKET", "JOURNAL_STREAM", "WATCHDOG_USEC",
                "WATCHDOG_PID", "LOG_LEVEL", "INVOCATION_ID"));
        return new DaemonProcess(pb.start(), log);
    }

    long pid() {
        return process.pid();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Waits until the log holds {@code count} lines containing {@code marker}; fails with the log otherwise. */
    void awaitLog(String marker, int count, Duration unscaled) throws IOException, InterruptedException {
        Duration timeout = ProcessTimeouts.scaled(unscaled);
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            String text = log();
            if (occurrences(text, marker) >= count) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("vlinkd exited " + process.exitValue() + " before '" + marker + "':\n"
                        + text);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no '" + marker + "' within " + timeout + ":\n" + log());
    }

    static int occurrences(String text, String marker) {
        int n = 0;
        for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length())) {
            n++;
        }
        return n;
    }

    void signal(String name) throws IOException, InterruptedException {
        new ProcessBuilder("kill", "-" + name, Long.toString(pid())).inheritIO().start().waitFor();
    }

    /** {@code kill -9}: no shutdown hook, no finally, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM and the exit code. */
    int stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("vlinkd did not stop within " + timeout);
        }
        return process.exitValue();
    }

    /** The exit code once it exits by itself. */
    int awaitExit(Duration unscaled) throws InterruptedException {
        Duration timeout = ProcessTimeouts.scaled(unscaled);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("vlinkd still runs after " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
