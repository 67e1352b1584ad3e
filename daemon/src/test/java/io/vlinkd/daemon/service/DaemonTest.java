package io.vlinkd.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.control.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.function.Consumer;
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

    /** The last outcome's summary in {@code vlinkctl status} once the loop has handled a drift on br0. */
    private String summaryAfterADriftOnBr0() {
        daemon.driftDetected("br0");
        return status().out().get(1);
    }

    private Reply status() {
        return daemon.status(false, (r, json) -> Reply.ok(List.of(r.running().files().toString(),
                r.last().summary())));
    }

    /** Puts a new gate where install says, runs what is to reach it, and returns once something waits there. */
    private static Fakes.Gate heldAt(Consumer<Fakes.Gate> install, Runnable reachIt) throws InterruptedException {
        Fakes.Gate gate = new Fakes.Gate();
        install.accept(gate);
        reachIt.run();
        gate.awaitEntered();
        return gate;
    }

    /** settings.resync-interval: the daemon re-reads the whole kernel state and repairs, every interval. */
    @Test
    void theKernelIsReadAgainAndRepairedEveryResyncInterval() throws InterruptedException {
        DesiredState every = Fakes.rereadEvery(Fakes.state("one"), Duration.ofSeconds(1));
        config.next = new ConfigPort.Loaded(every, "1 interface");
        daemon.start();
        assertThat(reconcile.rereads.get()).as("the start reads the kernel afresh").isEqualTo(1);
        long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (reconcile.rereads.get() < 3 && System.nanoTime() < end) {
            Thread.sleep(50);
        }
        assertThat(reconcile.rereads.get()).as("two periodic re-reads").isGreaterThanOrEqualTo(3);
        assertThat(reconcile.applied.size()).as("each followed by a repair").isGreaterThanOrEqualTo(3);
    }

    @Test
    void noPeriodicReReadWithAResyncIntervalOfZero() throws InterruptedException {
        config.next = new ConfigPort.Loaded(Fakes.rereadEvery(Fakes.state("one"), Duration.ZERO), "1 interface");
        daemon.start();
        Thread.sleep(1500);
        assertThat(reconcile.rereads.get()).isEqualTo(1);
        assertThat(reconcile.applied).hasSize(1);
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
                    + "(io.vlinkd.config.ConfigLoader) is not part of this build; " + Daemon.MANAGING_NOTHING);
            assertThat(d.plan(ReconcilePort.PlanFormat.IP).exitCode()).isEqualTo(1);
        } finally {
            d.stop("test");
        }
    }

    // -- Reloads: queued during start, coalesced while one runs (issue 13 items 10 and 15).

    @Test
    void aReloadRequestedBeforeTheFirstConvergeRunsAfterIt() {
        daemon.requestReload("SIGHUP (during start)");
        daemon.start();
        status(); // queued behind the reload
        assertThat(notifier.sent).containsExactly("READY converged: 1 created",
                "RELOADING reloading (SIGHUP (during start))", "READY converged: 1 created");
        assertThat(config.loads).hasValue(2);
    }

    @Test
    void aHundredReloadRequestsWhileOneRunsBecomeOneMoreReload() throws InterruptedException {
        daemon.start();
        Fakes.Gate gate = heldAt(g -> config.gate = g, () -> daemon.requestReload("SIGHUP"));
        for (int i = 0; i < 100; i++) {
            daemon.requestReload("SIGHUP");
        }
        gate.release.countDown();
        status(); // queued behind every reload task there is
        // start, the reload that was running, and one for everything that arrived during it.
        assertThat(config.loads).hasValue(3);
    }

    // -- No valid config: nothing is managed (issue 13 item 2).

    @Test
    void anInvalidConfigAtStartManagesNothingUntilAValidOneIsLoaded() {
        config.next = new ConfigPort.Invalid(List.of("/etc/vlinkd/a.yaml:1:1: file: is writable by its group"));
        Daemon.Outcome o = daemon.start();
        assertThat(o.ok()).isFalse();
        assertThat(notifier.sent).containsExactly("READY failed: start: config in /etc/vlinkd rejected: 1 problem; "
                + "no valid config is loaded: vlinkd manages nothing (deletes nothing, repairs no drift) until one is");
        assertThat(daemon.manages()).isFalse();

        daemon.driftDetected("br0");
        assertThat(daemon.reload("SIGHUP").exitCode()).isEqualTo(1);
        daemon.driftDetected("br0");
        status();
        assertThat(reconcile.applied).as("no apply of an empty config, no drift repair").isEmpty();

        config.next = new ConfigPort.Loaded(Fakes.state("one"), "1 interface");
        assertThat(daemon.reload("SIGHUP").exitCode()).isZero();
        assertThat(daemon.manages()).isTrue();
        assertThat(reconcile.applied).containsExactly(Fakes.state("one"));
    }

    @Test
    void aRollbackToTheStateBeforeTheFirstValidConfigManagesNothingAgain() throws InterruptedException {
        config.next = new ConfigPort.Invalid(List.of("/etc/vlinkd/a.yaml:1:1: file: is writable by its group"));
        daemon.start();
        config.next = new ConfigPort.Loaded(Fakes.state("one"), "1 interface");
        daemon.apply(Optional.of(Duration.ofMillis(1)));
        reconcile.rolledBack.await();
        status();
        assertThat(daemon.manages()).isFalse();
        daemon.driftDetected("br0");
        status();
        assertThat(reconcile.applied).hasSize(1);
    }

    // -- Drift repair is a task of the loop (issue 13 items 1 and 11, issue 12 item 9).

    @Test
    void aDriftRepairPlansAgainstTheConfigOfTheReloadThatRanBeforeIt() throws InterruptedException {
        daemon.start();
        config.next = new ConfigPort.Loaded(Fakes.state("two"), "1 interface");
        Thread reload = new Thread(() -> daemon.reload("SIGHUP"));
        Fakes.Gate gate = heldAt(g -> reconcile.gate = g, reload::start); // the reload is applying "two"
        daemon.driftDetected("br0"); // e.g. the reload's own deletion of a link of "one"
        gate.release.countDown();
        reload.join(10_000);
        status();
        assertThat(reconcile.finished).containsExactly(Fakes.state("one"), Fakes.state("two"), Fakes.state("two"));
    }

    @Test
    void aDriftRepairUpdatesStatusLikeAnyConverge() {
        daemon.start();
        assertThat(summaryAfterADriftOnBr0()).isEqualTo("drift repaired (br0 changed): 1 created");
        assertThat(notifier.sent).contains("STATUS converged: drift repaired (br0 changed): 1 created");
    }

    @Test
    void aFailedDriftRepairShowsInStatus() {
        daemon.start();
        reconcile.fail = true;
        assertThat(summaryAfterADriftOnBr0()).isEqualTo("drift repair (br0 changed): br0: RTM_NEWLINK: EOPNOTSUPP");
        assertThat(notifier.sent).last().asString().startsWith("STATUS failed: drift repair (br0 changed)");
    }

    @Test
    void aDriftThatNeedsNoChangeLeavesAConvergedStatusAlone() {
        daemon.start();
        reconcile.unchanged = true;
        assertThat(summaryAfterADriftOnBr0()).isEqualTo("1 created");
        assertThat(notifier.sent).containsExactly("READY converged: 1 created");
    }

    @Test
    void driftReportPlansAndWritesNothing() {
        config.next = new ConfigPort.Loaded(Fakes.reportingDrift(Fakes.state("one")), "1 interface");
        daemon.start();
        daemon.driftDetected("br0");
        status();
        assertThat(reconcile.applied).hasSize(1);
        assertThat(reconcile.plans).hasValue(1);
    }

    @Test
    void queuedDriftReportsBecomeOneRepairOfTheInterfacesTheyNamedOrOfEverythingWhenOneNamedNone()
            throws InterruptedException {
        daemon.start();
        Fakes.Gate gate = heldAt(g -> reconcile.gate = g, () -> daemon.driftDetected("br0"));
        daemon.driftDetected("br1", Optional.of(Set.of("br1")));
        daemon.driftDetected("br2", Optional.of(Set.of("br2", "br3")));
        gate.release.countDown();
        status();
        assertThat(reconcile.repaired).containsExactly(Set.of("br1", "br2", "br3"));

        gate = heldAt(g -> reconcile.gate = g, () -> daemon.driftDetected("br0", Optional.of(Set.of("br0"))));
        daemon.driftDetected("br4", Optional.of(Set.of("br4")));
        daemon.driftDetected("notifications lost (ENOBUFS)", Optional.empty());
        gate.release.countDown();
        status();
        assertThat(reconcile.repaired).as("the held one; the queued one repaired everything")
                .containsExactly(Set.of("br1", "br2", "br3"), Set.of("br0"));
        // start, the held whole repair, the scoped one, the held scoped one, the whole one.
        assertThat(reconcile.finished).hasSize(5);
    }

    @Test
    void stopWaitsForADriftRepairThatIsRunning() throws InterruptedException {
        daemon.start();
        Fakes.Gate gate = heldAt(g -> reconcile.gate = g, () -> daemon.driftDetected("br0"));
        daemon.stop("SIGTERM");
        Thread waiter = new Thread(() -> {
            try {
                daemon.awaitStop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        waiter.join(300);
        assertThat(waiter.isAlive()).as("stopped while a repair was half-done").isTrue();
        gate.release.countDown();
        waiter.join(10_000);
        assertThat(waiter.isAlive()).isFalse();
        assertThat(reconcile.finished).hasSize(2);
        daemon.driftDetected("br0"); // after the stop: nothing runs
        assertThat(reconcile.applied).hasSize(2);
    }
}
