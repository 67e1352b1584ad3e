package io.vlinkd.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.control.ControlRequest;
import io.vlinkd.daemon.control.Reply;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The control socket's requests as the daemon maps them: arguments are checked before anything is applied. */
class DaemonControlTest {
    private final Fakes.Config config = new Fakes.Config(new ConfigPort.Loaded(Fakes.state("one"), "1 interface"));
    private final Fakes.Reconcile reconcile = new Fakes.Reconcile();
    private final Daemon daemon = new Daemon(new DaemonPaths(Path.of("/etc/vlinkd"), Path.of("/var/lib/vlinkd"),
            Path.of("/run/vlinkd")), config, reconcile, new Fakes.Notifier());
    private final DaemonControl control = new DaemonControl(daemon, (r, json) -> Reply.ok(List.of()));

    @AfterEach
    void stop() throws InterruptedException {
        daemon.stop("test");
        daemon.awaitStop();
    }

    @ParameterizedTest
    @ValueSource(strings = {"9223372036854775807", "9223372036854775808", "86401", "0", "-5", "1.5"})
    void aConfirmTimeoutOutOfRangeIsAUsageErrorAndNothingIsApplied(String timeout) {
        daemon.start();
        config.next = new ConfigPort.Loaded(Fakes.state("two"), "1 interface");
        Reply r = control.handle(ControlRequest.of("apply").with("confirm-timeout", timeout));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).singleElement().asString().startsWith("apply: confirm-timeout: ")
                .endsWith("; it must be 1..86400 seconds (24 h)");
        assertThat(reconcile.applied).containsExactly(Fakes.state("one"));
    }

    @Test
    void theLongestConfirmTimeoutArmsTheRollback() {
        daemon.start();
        config.next = new ConfigPort.Loaded(Fakes.state("two"), "1 interface");
        Reply r = control.handle(ControlRequest.of("apply").with("confirm-timeout", "86400"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("applied; run `vlinkctl confirm` within 86400 s or it is rolled back");
    }
}
