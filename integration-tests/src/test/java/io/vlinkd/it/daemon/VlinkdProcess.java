package io.vlinkd.it.daemon;

import io.vlinkd.it.TestNamespace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real {@code vlinkd} (the systemd module's entry point, this build's classes) running as its own process inside
 * a test namespace ({@code ip netns exec}, which execs, so the process id is the JVM's), with the three directories
 * under a test's temporary directory and no service manager: readiness is the {@code ready:} log line. Its log (one
 * line per event, on stderr) is collected for the test to wait on.
 */
final class VlinkdProcess implements AutoCloseable {
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final CountDownLatch endOfLog = new CountDownLatch(1);

    private VlinkdProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::read, "vlinkd-log-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static VlinkdProcess start(TestNamespace ns, Path configDir, Path stateDir, Path runtimeDir) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns.name(), java));
        cmd.addAll(ProcessTimeouts.JVM_FLAGS);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.vlinkd.systemd.VlinkdMain",
                "--config-dir", configDir.toString(), "--state-dir", stateDir.toString(),
                "--runtime-dir", runtimeDir.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("NOTIFY_SOCKET");
        pb.environment().remove("JOURNAL_STREAM");
        pb.environment().remove("WATCHDOG_USEC");
        pb.redirectErrorStream(true);
        return new VlinkdProcess(pb.start());
    }

    private void read() {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended.
        } finally {
            endOfLog.countDown();
        }
    }

    /** The first line from index {@code from} on that matches; fails the test with the log after {@code timeout}. */
    String await(Predicate<String> match, Duration timeout) throws InterruptedException {
        return await(0, match, timeout);
    }

    String await(int from, Predicate<String> match, Duration unscaled) throws InterruptedException {
        Duration timeout = ProcessTimeouts.scaled(unscaled);
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int i = from;
            while (true) {
                for (; i < lines.size(); i++) {
                    if (match.test(lines.get(i))) {
                        return lines.get(i);
                    }
                }
                long left = end - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no such line from vlinkd within " + timeout + "; its log:\n"
                            + String.join("\n", lines));
                }
                if (!process.isAlive() && process.waitFor(200, TimeUnit.MILLISECONDS) && i >= lines.size()
                        && endOfLog.await(0, TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("vlinkd exited with " + process.exitValue()
                            + " before logging the line waited for; its log:\n" + String.join("\n", lines));
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
            }
        }
    }

    /** How many lines have been logged so far (to wait for a line after a point). */
    int lineCount() {
        synchronized (lines) {
            return lines.size();
        }
    }

    String log() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends a signal by name ({@code HUP}, {@code TERM}) with {@code kill}. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        kill.waitFor(10, TimeUnit.SECONDS);
    }

    /** Waits for the process to end and returns its exit code. */
    int awaitExit(Duration unscaled) throws InterruptedException {
        Duration timeout = ProcessTimeouts.scaled(unscaled);
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("vlinkd did not exit within " + timeout + "; its log:\n" + log());
        }
        return process.exitValue();
    }

    /** SIGTERM now (without starting a {@code kill}), then the exit code. */
    int stop() throws InterruptedException {
        process.destroy();
        return awaitExit(Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
