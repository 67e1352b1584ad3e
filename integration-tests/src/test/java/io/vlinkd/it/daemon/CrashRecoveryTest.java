package io.vlinkd.it.daemon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.it.TestNamespace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of the real daemon at random moments of an apply (a reload) of 300 bridges and 100 veth pairs
 * (each pair's end a port of one of the bridges), in a private namespace that also holds links vlinkd did not
 * create. Three trials in four are aimed into the creation itself (once a random number of the bridges exist); the
 * others fall at a random moment of a window timed on a first reload, before the first create, between or after the
 * last; at least a third of all trials must land while the links are being created. After each kill the daemon is started again on the emptied config: it must own, hence delete, every link
 * the killed run made, and leave every foreign link as it was; the ledger is never damaged by a kill (atomic
 * writes). Every fifth trial the restart first gets the full config again and must converge without refusing any
 * link ("a bridge that vlinkd did not create") before the config is emptied by a reload. (Deleting 400 links takes
 * the kernel about 20 s here, one RCU grace period each: that, not vlinkd, is most of this test's time.)
 *
 * <p>Trials: {@code -Dvlinkd.crash.trials=N} (default 20); the seed is printed and can be given back with
 * {@code -Dvlinkd.crash.seed=S}.
 */
class CrashRecoveryTest {
    private static final int BRIDGES = 300;
    private static final int VETHS = 100;
    private static final Duration CONVERGE = Duration.ofSeconds(120);
    private static final List<String> FOREIGN = List.of("fbr0", "fve0", "fve1", "fbr1");

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsOfAnApplyLeavesNoLinkItMadeAndTouchesNoForeignOne() throws Exception {
        assumeTrue(TestNamespace.available(), "needs root and ip netns");
        int trials = Integer.getInteger("vlinkd.crash.trials", 20);
        long seed = Long.getLong("vlinkd.crash.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("CrashRecoveryTest: " + trials + " trials, seed " + seed);
        try (TestNamespace ns = TestNamespace.create()) {
            assumeTrue(ns.supportsKind("bridge") && ns.supportsKind("veth", "peer", "name", "vlt-probe1"),
                    "needs bridge and veth");
            ns.ip("link", "add", "fbr0", "type", "bridge");
            ns.ip("link", "set", "fbr0", "mtu", "1400", "up");
            ns.ip("link", "add", "fbr1", "type", "bridge");
            ns.ip("link", "add", "fve0", "type", "veth", "peer", "name", "fve1");
            ns.ip("link", "set", "fve0", "master", "fbr1");
            Map<String, String> foreign = foreignState(ns);

            Path config = Files.createDirectories(dir.resolve("etc"));
            Path state = dir.resolve("state");
            Path runtime = dir.resolve("run");
            Path logs = Files.createDirectories(Path.of("target", "crash-recovery"));

            // Each daemon is started with an empty config, then it is the next trial's victim: the full config is
            // reloaded and the daemon is killed during that apply. A first, uninterrupted reload of the full config
            // gives the window in which the links are created.
            Files.writeString(config.resolve("10-links.yaml"), "interfaces: []\n");
            DaemonProcess d = DaemonProcess.start(ns, config, state, runtime, logs.resolve("daemon-0.log"));
            long from;
            long to;
            try {
                d.awaitLog("ready:", 1, CONVERGE);
                writeFullConfig(config);
                d.signal("HUP");
                d.awaitLog("reloaded:", 1, CONVERGE);
                assertThat(configuredLinks(ns)).hasSize(BRIDGES + 2 * VETHS);
                // The daemon's own timestamps: the reload's start, its first and last "create" line (each logged as
                // its wave's reply arrives). Kills land from a little before the first wave to after the last one.
                List<Instant> creates = new ArrayList<>();
                Instant reload = null;
                for (String line : d.log().split("\n")) {
                    if (line.contains(" reloading (SIGHUP)")) {
                        reload = Instant.parse(line.substring(0, line.indexOf(' ')));
                    } else if (reload != null && line.contains(": create ")) {
                        creates.add(Instant.parse(line.substring(0, line.indexOf(' '))));
                    }
                }
                assertThat(creates).hasSize(BRIDGES + VETHS);
                from = Math.max(0, Duration.between(reload, creates.get(0)).toMillis() - 500);
                to = Duration.between(reload, creates.get(creates.size() - 1)).toMillis() + 300;
                empty(d, config, 2);
            } catch (Throwable e) {
                d.close();
                throw e;
            }
            assertClean(ns, foreign, state);
            System.out.println("CrashRecoveryTest: kills land " + from + " to " + to + " ms after the SIGHUP");

            List<String> summary = new ArrayList<>();
            try {
                int total = BRIDGES + 2 * VETHS;
                int midway = 0;
                for (int t = 1; t <= trials; t++) {
                    writeFullConfig(config);
                    String when;
                    if (t % 4 == 0) {
                        // At a moment of the calibrated window: before the first create, between, or after the last.
                        long at = from + (long) (random.nextDouble() * (to - from));
                        d.signal("HUP");
                        Thread.sleep(at);
                        when = at + " ms into the reload";
                    } else {
                        // Aimed into the creation itself (a later reload runs faster than the calibrating one, so
                        // timed kills land mostly before or after it): once at least `aim` links exist. The links
                        // come in two waves, the bridges and then the veth pairs on them, each one batch that the
                        // kernel takes in a few milliseconds: aiming at the bridges lands between or in the waves.
                        int aim = 1 + random.nextInt(BRIDGES);
                        d.signal("HUP");
                        Instant deadline = Instant.now().plus(CONVERGE);
                        while (configuredLinks(ns).size() < aim && Instant.now().isBefore(deadline)) {
                            Thread.sleep(1);
                        }
                        when = "once " + aim + " links existed";
                    }
                    d.kill();
                    int made = configuredLinks(ns).size();
                    if (made > 0 && made < total) {
                        midway++;
                    }
                    summary.add("trial " + t + ": kill -9 " + when + ", " + made + " of " + total + " links made");
                    boolean converge = t % 5 == 0;
                    if (!converge) {
                        // The restart finds the emptied config: it must own, hence delete, what the killed run made.
                        Files.writeString(config.resolve("10-links.yaml"), "interfaces: []\n");
                    }
                    d = DaemonProcess.start(ns, config, state, runtime, logs.resolve("daemon-" + t + ".log"));
                    d.awaitLog("ready:", 1, CONVERGE);
                    if (converge) {
                        assertThat(d.log()).as("trial %d: the restart refuses no link the killed run made", t)
                                .doesNotContain("did not create").doesNotContain("refused");
                        assertThat(configuredLinks(ns)).as("trial %d: converged", t)
                                .hasSize(BRIDGES + 2 * VETHS);
                        empty(d, config, 1);
                    }
                    assertClean(ns, foreign, state);
                }
                assertThat(d.stop(Duration.ofSeconds(30))).isZero();
                assertThat(midway).as("kills that landed while the links were being created").isGreaterThanOrEqualTo(
                        trials / 3);
            } finally {
                d.close();
                summary.forEach(s -> System.out.println("CrashRecoveryTest: " + s));
            }
        }
    }

    /** Replaces the config by an empty one, reloads, and waits for that reload (the {@code count}-th) to end. */
    private static void empty(DaemonProcess d, Path config, int count) throws Exception {
        Files.writeString(config.resolve("10-links.yaml"), "interfaces: []\n");
        d.signal("HUP");
        d.awaitLog("reloaded:", count, CONVERGE);
    }

    /** Nothing but lo and the foreign links, each as it was; the ledger was never damaged. */
    private static void assertClean(TestNamespace ns, Map<String, String> foreign, Path state) throws IOException {
        assertThat(foreignState(ns)).isEqualTo(foreign);
        List<String> names = new ArrayList<>();
        links(ns).forEach(l -> names.add(l.get("ifname").asText()));
        names.removeIf(TestNamespace::isKernelFallbackDevice);
        assertThat(names).as("links left").containsExactlyInAnyOrder(
                Stream.concat(Stream.of("lo"), FOREIGN.stream()).toArray(String[]::new));
        try (Stream<Path> files = Files.list(state)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains("damaged"));
        }
    }

    /** Index, kind, mtu, master, MAC and admin state of each foreign link. */
    private static Map<String, String> foreignState(TestNamespace ns) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode l : links(ns)) {
            String name = l.get("ifname").asText();
            if (FOREIGN.contains(name)) {
                out.put(name, l.get("ifindex").asInt() + " " + l.path("linkinfo").path("info_kind").asText() + " mtu "
                        + l.get("mtu").asInt() + " master " + l.path("master").asText("-") + " "
                        + l.path("address").asText() + " " + l.get("flags"));
            }
        }
        return out;
    }

    /** Every link; a dump that raced with a change ("Dump was interrupted", NLM_F_DUMP_INTR) is taken again. */
    private static JsonNode links(TestNamespace ns) {
        for (int attempt = 1; ; attempt++) {
            try {
                return ns.links();
            } catch (AssertionError e) {
                if (attempt == 10 || !String.valueOf(e.getMessage()).contains("Dump")) {
                    throw e;
                }
            }
        }
    }

    private static List<String> configuredLinks(TestNamespace ns) {
        List<String> out = new ArrayList<>();
        for (JsonNode l : links(ns)) {
            String name = l.get("ifname").asText();
            if (name.matches("(b|v|p)[0-9]+")) {
                out.add(name);
            }
        }
        return out;
    }

    private static void writeFullConfig(Path config) throws IOException {
        StringBuilder sb = new StringBuilder("interfaces:\n");
        for (int i = 0; i < BRIDGES; i++) {
            sb.append("  - { name: b").append(i).append(", kind: bridge }\n");
        }
        for (int i = 0; i < VETHS; i++) {
            sb.append("  - { name: v").append(i).append(", kind: veth, veth: { peer: p").append(i)
                    .append(" }, master: b").append(i).append(" }\n");
        }
        Files.writeString(config.resolve("10-links.yaml"), sb.toString());
    }
}
