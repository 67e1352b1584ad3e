package io.vlinkd.it.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vlinkd.it.TestNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real daemons on one state directory: the second exits 1 with a message naming the directory and the first
 * one's pid, before it writes anything (its own config would have created other0 and, finding the first one's links
 * recorded as its own and not in its config, deleted them); the first keeps running, its links and socket intact.
 */
class SecondDaemonTest {
    @TempDir
    Path dir;

    @Test
    void aSecondDaemonOnTheSameStateDirectoryExitsWithoutWritingAnything() throws Exception {
        assumeTrue(TestNamespace.available(), "needs root and ip netns");
        try (TestNamespace ns = TestNamespace.create()) {
            assumeTrue(ns.supportsKind("bridge"), "needs bridge");
            Path first = Files.createDirectories(dir.resolve("etc-first"));
            Path second = Files.createDirectories(dir.resolve("etc-second"));
            Files.writeString(first.resolve("10.yaml"), "interfaces:\n  - { name: br0, kind: bridge }\n");
            Files.writeString(second.resolve("10.yaml"), "interfaces:\n  - { name: other0, kind: bridge }\n");
            Path state = dir.resolve("state");
            Path logs = Files.createDirectories(Path.of("target", "second-daemon"));

            try (DaemonProcess a = DaemonProcess.start(ns, first, state, dir.resolve("run"),
                    logs.resolve("first.log"))) {
                a.awaitLog("ready:", 1, Duration.ofSeconds(60));
                int br0 = ns.link("br0").get("ifindex").asInt();

                // Its own runtime directory (so no clash on the control socket), the first one's state directory.
                try (DaemonProcess b = DaemonProcess.start(ns, second, state, dir.resolve("run-b"),
                        logs.resolve("second.log"))) {
                    assertThat(b.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
                    assertThat(b.log()).contains("another vlinkd (pid " + a.pid() + ")")
                            .contains("state directory " + state);
                }
                // The same with only the runtime directory shared.
                try (DaemonProcess c = DaemonProcess.start(ns, second, dir.resolve("state-c"), dir.resolve("run"),
                        logs.resolve("third.log"))) {
                    assertThat(c.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
                    assertThat(c.log()).contains("another vlinkd (pid " + a.pid() + ")")
                            .contains("runtime directory " + dir.resolve("run"));
                }

                assertThat(ns.link("other0")).as("the second daemon wrote nothing").isNull();
                assertThat(ns.link("br0").get("ifindex").asInt()).isEqualTo(br0);
                assertThat(dir.resolve("run").resolve("control.sock")).exists();
                assertThat(a.stop(Duration.ofSeconds(30))).isZero();
            }
        }
    }
}
