package io.vlinkd.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.service.BackendUnavailableException;
import io.vlinkd.daemon.service.Backends;
import io.vlinkd.daemon.service.ConfigPort;
import io.vlinkd.daemon.service.ReconcilePort;
import io.vlinkd.daemon.state.DirectoryLock;
import java.io.Closeable;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VlinkctlCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(Backends b, String... args) {
        return VlinkctlCommand.run(b, new PrintWriter(out), new PrintWriter(err), args);
    }

    private static final DesiredState EMPTY = new DesiredState(List.of(), List.of(), List.of(),
            DaemonSettings.defaults(), List.of());

    private static Backends withConfig(ConfigPort.LoadResult result, ReconcilePort reconcile) {
        ConfigPort config = new ConfigPort() {
            @Override
            public LoadResult load(List<Path> paths) {
                return result;
            }

            @Override
            public String schema() {
                return "{\"type\":\"object\"}";
            }
        };
        return new Backends(config, reconcile, Backends.unavailable().kernel());
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "plan", "apply", "confirm", "reload", "monitor", "validate", "schema",
        "wait-online", "demo"})
    void everyVerbHasHelp(String verb) {
        assertThat(run(Backends.unavailable(), verb, "--help")).isZero();
        assertThat(out.toString()).startsWith("Usage: vlinkctl " + verb);
    }

    @Test
    void topLevelHelpDocumentsTheExitCodes() {
        assertThat(run(Backends.unavailable(), "--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:").contains("3   vlinkd unreachable");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run(Backends.unavailable())).isEqualTo(2);
        assertThat(run(Backends.unavailable(), "frobnicate")).isEqualTo(2);
        assertThat(run(Backends.unavailable(), "validate")).isEqualTo(2);
        assertThat(run(Backends.unavailable(), "plan", "--format", "xml")).isEqualTo(2);
        assertThat(run(Backends.unavailable(), "plan", "a.yaml")).isEqualTo(2);
        assertThat(run(Backends.unavailable(), "apply", "--once")).isEqualTo(2);
        assertThat(run(Backends.unavailable(), "apply", "--confirm-timeout", "0")).isEqualTo(2);
        assertThat(run(Backends.unavailable(), "apply", "--once", "--confirm-timeout", "5", "a.yaml")).isEqualTo(2);
        assertThat(err.toString()).contains("nobody would roll back");
    }

    @Test
    void aConfirmTimeoutOutOfRangeIsAUsageErrorBeforeTheDaemonIsAsked(@TempDir Path dir) {
        String sock = dir.resolve("none.sock").toString();
        assertThat(run(Backends.unavailable(), "--socket", sock, "apply", "--confirm-timeout",
                "9223372036854775807")).isEqualTo(2);
        assertThat(run(Backends.unavailable(), "--socket", sock, "apply", "--confirm-timeout", "2147483647"))
                .isEqualTo(2);
        assertThat(err.toString()).contains("--confirm-timeout: 2147483647 is out of range; it must be 1..86400"
                + " seconds (24 h)").doesNotContain("cannot reach vlinkd");
    }

    @Test
    void noDaemonExitsThree(@TempDir Path dir) {
        assertThat(run(Backends.unavailable(), "--socket", dir.resolve("none.sock").toString(), "status")).isEqualTo(3);
        assertThat(err.toString()).contains("cannot reach vlinkd at " + dir.resolve("none.sock"));
    }

    @Test
    void aMissingLayerSaysSoAndFails() {
        assertThat(run(Backends.unavailable(), "validate", "a.yaml")).isEqualTo(1);
        assertThat(err.toString()).contains("vlinkctl validate: the config loader").contains("not part of this build");
        assertThat(run(Backends.unavailable(), "schema")).isEqualTo(1);
        assertThat(run(Backends.unavailable(), "monitor")).isEqualTo(1);
        assertThat(run(Backends.unavailable(), "demo")).isEqualTo(1);
    }

    @Test
    void validatePrintsEveryProblemAndFails() {
        Backends b = withConfig(new ConfigPort.Invalid(List.of("a.yaml:1:1: x: bad", "a.yaml:2:1: y: bad")), null);
        assertThat(run(b, "validate", "a.yaml")).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly("a.yaml:1:1: x: bad", "a.yaml:2:1: y: bad");
    }

    @Test
    void validatePrintsTheSummaryWhenValid() {
        assertThat(run(withConfig(new ConfigPort.Loaded(EMPTY, "1 file, 0 interfaces"), null), "validate", "a.yaml"))
                .isZero();
        assertThat(out.toString()).isEqualTo("1 file, 0 interfaces\n");
    }

    @Test
    void validatePrintsWarningsButAcceptsTheConfig() {
        ConfigPort.Loaded loaded = new ConfigPort.Loaded(EMPTY, "1 file, 1 interface",
                List.of("a.yaml:2:5: interfaces[macsec0].kind: warning: macsec: no keys"));
        assertThat(run(withConfig(loaded, null), "validate", "a.yaml")).isZero();
        assertThat(err.toString().lines()).containsExactly(
                "a.yaml:2:5: interfaces[macsec0].kind: warning: macsec: no keys");
        assertThat(out.toString()).isEqualTo("1 file, 1 interface\n");
    }

    @Test
    void applyOncePassesTheNetnsAndExitsOneWhenRolledBack() {
        List<String> seen = new ArrayList<>();
        ReconcilePort r = new ReconcilePort() {
            @Override
            public PlanView plan(DesiredState s, String netns, PlanFormat f) {
                seen.add("plan " + netns + " " + f);
                return new PlanView(List.of(), List.of());
            }

            @Override
            public Applied apply(DesiredState s, String netns) throws BackendUnavailableException {
                seen.add("apply " + netns);
                return new Applied(false, "vx0: EOPNOTSUPP", List.of(new Event("vx0",
                        "vx0: create (a.yaml:3:5): EOPNOTSUPP: Unknown device type", true)), Optional.empty());
            }
        };
        Backends b = withConfig(new ConfigPort.Loaded(EMPTY, "ok"), r);
        assertThat(run(b, "apply", "--once", "--netns", "blue", "a.yaml")).isEqualTo(1);
        assertThat(err.toString()).contains("vx0: create (a.yaml:3:5): EOPNOTSUPP: Unknown device type")
                .contains("vx0: EOPNOTSUPP");
        assertThat(run(b, "plan", "--offline", "--format", "netlink", "a.yaml")).isZero();
        assertThat(out.toString()).contains("nothing to do");
        assertThat(seen).containsExactly("apply blue", "plan null NETLINK");
    }
    @Test
    void applyOnceIsRefusedWhileADaemonHoldsTheStateDirectory(@TempDir Path state) throws Exception {
        List<String> seen = new ArrayList<>();
        ReconcilePort r = new ReconcilePort() {
            @Override
            public PlanView plan(DesiredState s, String netns, PlanFormat f) {
                return new PlanView(List.of(), List.of());
            }

            @Override
            public Applied apply(DesiredState s, String netns) {
                seen.add("apply");
                return new Applied(true, "nothing to change", List.of(), Optional.empty());
            }

            @Override
            public Closeable holdStateDirectory() throws IOException {
                return DirectoryLock.acquire(state, "state directory")::close;
            }
        };
        Backends b = withConfig(new ConfigPort.Loaded(EMPTY, "ok"), r);
        try (DirectoryLock daemon = DirectoryLock.acquire(state, "state directory")) {
            assertThat(run(b, "apply", "--once", "a.yaml")).isEqualTo(3);
        }
        assertThat(err.toString()).contains("is using the state directory " + state)
                .contains("`vlinkctl apply` has the running daemon apply its config");
        assertThat(seen).isEmpty();

        assertThat(run(b, "apply", "--once", "a.yaml")).as("the daemon stopped").isZero();
        assertThat(seen).containsExactly("apply");
    }
}
