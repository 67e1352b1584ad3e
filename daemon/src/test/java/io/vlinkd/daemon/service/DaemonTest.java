package io.vlinkd.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.control.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DaemonTest {
    private final Fakes.Config config = new Fakes.Config(new ConfigPort.Loaded(Fakes.state("one"), "1 interface"));
    private final Fakes.Reconcile reconcile = new Fakes.Reconcile();
    private final Fakes.Notifier notifier = new Fakes.Notifier();
    private final Daemon daemon = new Daemon(new DaemonPaths(Path.of("/etc/vlinkd"), Path.of("/var/lib/vlinkd"),
            Path.of("/run/vlinkd")), config, reconcile, notifier);

    @AfterEach
    void stop() throws InterruptedException {
        daemon.stop("test");
        daemon.awaitStop();
    }

    private Reply status() {
        return daemon.status(false, (r, json) -> Reply.ok(List.of(r.running().files().toString(),
                r.last().summary())));
    }

    @Test
    void readyAfterTheFirstConverge() {
        assertThat(daemon.start().ok()).isTrue();
        assertThat(reconcile.applied).containsExactly(Fakes.state("one"));
        assertThat(notifier.sent).containsExactly("READY converged: 1 created");
    }

    @Test
    void readyEvenWhenTheFirstConvergeFailedWithTheFailureInStatus() {
        reconcile.fail = true;
        assertThat(daemon.start().ok()).isFalse();
        assertThat(notifier.sent).singleElement().asString()
                .startsWith("READY failed: start: br0: RTM_NEWLINK: EOPNOTSUPP");
    }

    @Test
    void anInvalidConfigOnReloadKeepsTheRunningStateAndReportsEveryProblem() {
        daemon.start();
        config.next = new ConfigPort.Invalid(List.of("/etc/vlinkd/a.yaml:3:5: mtu: not a number",
                "/etc/vlinkd/b.yaml:1:1: interfaces: br0 is also defined at /etc/vlinkd/a.yaml:2:5"));
        Reply r = daemon.reload("SIGHUP");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("/etc/vlinkd/a.yaml:3:5: mtu: not a number",
                "/etc/vlinkd/b.yaml:1:1: interfaces: br0 is also defined at /etc/vlinkd/a.yaml:2:5");
        assertThat(reconcile.applied).hasSize(1);
        assertThat(status().out().get(0)).isEqualTo("[/etc/vlinkd/one.yaml]");
        assertThat(notifier.sent).containsSubsequence("RELOADING reloading (SIGHUP)",
                "READY failed: SIGHUP: config in /etc/vlinkd rejected: 2 problems; keeping the running config");
    }

    @Test
    void aValidReloadReplacesTheRunningState() {
        daemon.start();
        config.next = new ConfigPort.Loaded(Fakes.state("two"), "1 interface");
        assertThat(daemon.reload("vlinkctl reload").exitCode()).isZero();
        assertThat(status().out().get(0)).isEqualTo("[/etc/vlinkd/two.yaml]");
    }

    @Test
    void anUnconfirmedApplyIsRolledBackAndTheOldStateRestored() throws InterruptedException {
        daemon.start();
        config.next = new ConfigPort.Loaded(Fakes.state("two"), "1 interface");
        Reply r = daemon.apply(Optional.of(Duration.ofMillis(1)));
        assertThat(r.exitCode()).isZero();
        reconcile.rolledBack.await();
        // The rollback ran on the loop; a status call queued behind it sees its result.
        List<String> s = status().out();
        assertThat(s.get(0)).isEqualTo("[/etc/vlinkd/one.yaml]");
        assertThat(s.get(1)).startsWith("rolled back (not confirmed by ").endsWith("): br0 deleted");
    }

    @Test
    void aConfirmedApplyStaysAndConfirmingTwiceFails() {
        daemon.start();
        config.next = new ConfigPort.Loaded(Fakes.state("two"), "1 interface");
        Reply r = daemon.apply(Optional.of(Duration.ofHours(1)));
        assertThat(r.out()).anySatisfy(l -> assertThat(l).contains("vlinkctl confirm"));
        assertThat(daemon.reload("SIGHUP").err()).singleElement().asString().contains("deferred");
        assertThat(daemon.confirm().exitCode()).isZero();
        assertThat(daemon.confirm().err()).containsExactly("nothing awaits confirmation");
        assertThat(reconcile.rolledBack.getCount()).isEqualTo(1);
        assertThat(status().out().get(0)).isEqualTo("[/etc/vlinkd/two.yaml]");
    }

    @Test
    void stoppingWithAnApplyAwaitingConfirmationRollsItBack() throws InterruptedException {
        daemon.start();
        daemon.apply(Optional.of(Duration.ofHours(1)));
        daemon.stop("SIGTERM");
        daemon.awaitStop();
        assertThat(reconcile.rolledBack.getCount()).isZero();
        assertThat(notifier.sent).contains("STOPPING");
    }

    @Test
    void aMissingBackendIsReportedNotPretended() {
        Daemon d = new Daemon(daemon.paths(), Backends.UNAVAILABLE_CONFIG, reconcile, notifier);
        try {
            assertThat(d.start().summary()).isEqualTo("start: cannot load /etc/vlinkd: the config loader "
                    + "(io.vlinkd.config.ConfigLoader) is not part of this build");
            assertThat(d.plan(ReconcilePort.PlanFormat.IP).exitCode()).isEqualTo(1);
        } finally {
            d.stop("test");
        }
    }
}
