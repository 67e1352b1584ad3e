package io.vlinkd.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Capability;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.Netlink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.PullPolicy;
import org.testcontainers.utility.DockerImageName;

/**
 * vlinkd's image (integration-tests/container/build-image) under Testcontainers, as a DaemonSet would run it:
 * CAP_NET_ADMIN only, no network (its own empty namespace), config mounted at /etc/vlinkd. The interfaces are
 * checked from the host through our own netlink layer in the container's namespace (no tools in the image).
 * Skips when there is no Docker engine or no image, unless VLINKD_CONTAINER_REQUIRED=1 (scripts/test-container-lane).
 */
class VlinkdContainerTest {
    private static final String IMAGE = System.getenv().getOrDefault("VLINKD_IMAGE", "vlinkd:test");

    private static final String FIRST = """
            interfaces:
              - name: br-lab
                kind: bridge
                state: up
              - name: lab0
                kind: veth
                veth: { peer: lab0-peer }
                master: br-lab
                state: up
            """;

    private static final String SECOND = """
            interfaces:
              - name: br-lab
                kind: bridge
                state: up
              - name: lab1
                kind: veth
                veth: { peer: lab1-peer }
                master: br-lab
                state: up
            """;

    private static void assume(boolean ok, String why) {
        if ("1".equals(System.getenv("VLINKD_CONTAINER_REQUIRED"))) {
            assertThat(ok).as(why + " (VLINKD_CONTAINER_REQUIRED=1: the container lane must run)").isTrue();
        }
        Assumptions.assumeTrue(ok, why);
    }

    private static void assumeEngineAndImage() {
        // Without these Testcontainers pulls its reaper and check images (no registry here: ~7 minutes, then fails),
        // so a plain `mvn verify` leaves this test to the lane even when an engine happens to run.
        assume("true".equals(System.getenv("TESTCONTAINERS_RYUK_DISABLED"))
                        && "true".equals(System.getenv("TESTCONTAINERS_CHECKS_DISABLE")),
                "runs in the container lane (scripts/test-container-lane sets TESTCONTAINERS_RYUK_DISABLED and "
                        + "TESTCONTAINERS_CHECKS_DISABLE: no image can be pulled here)");
        boolean engine;
        try {
            engine = DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            engine = false;
        }
        assume(engine, "no Docker engine: the container lane (scripts/test-container-lane) starts one");
        boolean image;
        try {
            DockerClientFactory.instance().client().inspectImageCmd(IMAGE).exec();
            image = true;
        } catch (RuntimeException e) {
            image = false;
        }
        assume(image, "no image " + IMAGE + ": build it with integration-tests/container/build-image");
    }

    private static Map<String, LinkMessage> links(long pid) throws Exception {
        Map<String, LinkMessage> out = new LinkedHashMap<>();
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE, Netns.ofPid((int) pid))) {
            for (NlMessage m : s.dump(LinkRequests.dump())) {
                LinkMessage l = LinkMessage.decode(m);
                out.put(l.name(), l);
            }
        }
        return out;
    }

    private static void waitForLog(StringBuilder log, String text, int times) throws InterruptedException {
        Instant end = Instant.now().plusSeconds(60);
        while (count(log, text) < times && Instant.now().isBefore(end)) {
            Thread.sleep(100);
        }
        assertThat(count(log, text)).as("'%s' in the log:%n%s", text, log).isGreaterThanOrEqualTo(times);
    }

    private static int count(StringBuilder log, String text) {
        String s;
        synchronized (log) {
            s = log.toString();
        }
        int n = 0;
        for (int i = s.indexOf(text); i >= 0; i = s.indexOf(text, i + 1)) {
            n++;
        }
        return n;
    }

    private static void write(Path dir, String yaml) throws Exception {
        // Written beside and renamed: the daemon never reads half a file.
        Path tmp = dir.resolve(".10-lab.yaml.new");
        Files.writeString(tmp, yaml);
        Files.move(tmp, dir.resolve("10-lab.yaml"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void runsWithNetAdminOnlyCreatesReloadsAndStopsCleanly(@TempDir Path config) throws Exception {
        assumeEngineAndImage();
        write(config, FIRST);
        StringBuilder log = new StringBuilder();
        try (GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withImagePullPolicy(PullPolicy.defaultPolicy())
                .withNetworkMode("none")
                .withFileSystemBind(config.toString(), "/etc/vlinkd", BindMode.READ_ONLY)
                // As deploy/kubernetes/daemonset.yaml runs it: a read-only root, writable state, runtime and tmp.
                .withTmpFs(Map.of("/var/lib/vlinkd", "rw,mode=0700", "/run/vlinkd", "rw,mode=0750", "/tmp", "rw"))
                .withCreateContainerCmdModifier(cmd -> cmd.getHostConfig()
                        .withReadonlyRootfs(true)
                        .withCapDrop(Capability.ALL)
                        .withCapAdd(Capability.NET_ADMIN))
                .withLogConsumer((OutputFrame f) -> {
                    synchronized (log) {
                        log.append(f.getUtf8String());
                    }
                })
                .waitingFor(Wait.forLogMessage(".*ready: .*\\n", 1).withStartupTimeout(Duration.ofSeconds(120)))) {
            long t0 = System.nanoTime();
            c.start();
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            var info = c.getContainerInfo();
            assertThat(info.getHostConfig().getCapAdd()).containsExactly(Capability.NET_ADMIN);
            assertThat(info.getHostConfig().getReadonlyRootfs()).as("read-only root filesystem").isTrue();
            Instant startedAt = Instant.parse(info.getState().getStartedAt());
            String readyLine = c.getLogs().lines().filter(l -> l.contains(" ready: ")).findFirst().orElseThrow();
            Instant readyAt = Instant.parse(readyLine.substring(0, readyLine.indexOf(' ')));
            System.out.printf("container: start-up to the ready line: %d ms (container start to 'ready:'; "
                    + "Testcontainers start() returned after %d ms)%n",
                    Duration.between(startedAt, readyAt).toMillis(), startMs);
            assertThat(readyLine).contains("ready: converged:");

            long pid = info.getState().getPidLong();
            Map<String, LinkMessage> l = links(pid);
            assertThat(l).containsKeys("lo", "br-lab", "lab0", "lab0-peer");
            assertThat(l.get("br-lab").kindName()).contains("bridge");
            assertThat(l.get("lab0").kindName()).contains("veth");
            assertThat(l.get("lab0").master()).isEqualTo(l.get("br-lab").index());
            assertThat(l.get("lab0").isUp()).isTrue();
            assertThat(l.get("br-lab").isUp()).isTrue();

            // A changed file: the daemon's watcher reloads (inotify sees the host's rename through the bind mount).
            write(config, SECOND);
            waitForLog(log, "reloaded: converged:", 1);
            l = links(pid);
            assertThat(l).containsKeys("br-lab", "lab1", "lab1-peer").doesNotContainKeys("lab0", "lab0-peer");
            assertThat(l.get("lab1").master()).isEqualTo(l.get("br-lab").index());

            // SIGHUP, as `kubectl exec`-less operators would send it: nothing left to change.
            c.getDockerClient().killContainerCmd(c.getContainerId()).withSignal("HUP").exec();
            waitForLog(log, "reloaded: converged:", 2);

            c.getDockerClient().stopContainerCmd(c.getContainerId()).withTimeout(30).exec();
            var state = c.getDockerClient().inspectContainerCmd(c.getContainerId()).exec().getState();
            assertThat(state.getExitCodeLong()).as("exit code after SIGTERM").isZero();
            String logs = c.getLogs();
            assertThat(logs)
                    .contains("info vlinkd ", " starting: config /etc/vlinkd, state /var/lib/vlinkd")
                    .contains("br-lab: create bridge", "lab0: create veth")
                    .contains("reloading (config changed: 10-lab.yaml)", "lab1: create veth")
                    .contains("reloading (SIGHUP)", "nothing to change")
                    .contains("stopping (SIGTERM)")
                    .doesNotContain("Exception", "\tat ", " error ");
            assertThat(logs.strip()).endsWith("info stopped");
        }
    }
}
