package io.vlinkd.daemon.service;

import static io.vlinkd.daemon.reconcile.Desired.bridge;
import static io.vlinkd.daemon.reconcile.Desired.config;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vlinkd.daemon.LogCapture;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.control.Reply;
import io.vlinkd.daemon.reconcile.FakeKernel;
import io.vlinkd.daemon.reconcile.Planner;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.reconcile.TestKind;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.link.LinkRequests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One kernel refusal reaches the journal once: the reconciler logs it with interface, operation, config location,
 * errno and extack text; the daemon's converge and its summary do not repeat it, they count. Runs the daemon over
 * the real reconcile port and reconciler, with a {@link FakeKernel} that refuses one write.
 */
class OneErrorOneLineTest {
    private static final String EXTACK = "Unknown device type (injected)";

    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture log = new LogCapture();
    private final FakeKernel kernel = new FakeKernel(TestKind::byName);
    private Daemon daemon;

    @AfterEach
    void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.stop("test");
            daemon.awaitStop();
        }
    }

    private Daemon daemonFor(DesiredState state) {
        Reconciler reconciler = new Reconciler(kernel, new OwnershipStore(dir.resolve("owned")), new Planner(), 1,
                Duration.ZERO);
        daemon = new Daemon(new DaemonPaths(dir.resolve("etc"), dir, dir.resolve("run")),
                new Fakes.Config(new ConfigPort.Loaded(state, "2 interfaces")), new ReconcilerBackend(dir, reconciler),
                new Fakes.Notifier());
        return daemon;
    }

    private List<String> linesWith(String text) {
        return log.events().stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(text)).toList();
    }

    @Test
    void aRefusedStepIsLoggedOnceWithEverythingAndTheSummariesCount() {
        // br0 is created, br1's creation is refused, br0 is reverted.
        Daemon d = daemonFor(config().link(bridge("br0")).link(bridge("br1")).build());
        kernel.failWrite(2, Errno.EOPNOTSUPP, EXTACK);

        Daemon.Outcome o = d.start();

        assertThat(o.ok()).isFalse();
        assertThat(linesWith(EXTACK)).as("lines quoting the refusal in %s", messages()).singleElement()
                .asString().contains("/etc/vlinkd/test.yaml:2:5", "br1", "create", "EOPNOTSUPP", EXTACK);
        assertThat(linesWith("apply failed")).as("summaries in %s", messages())
                .containsExactly("start: apply failed: 1 error; every step reverted");
        assertThat(kernel.observe().link("br0")).isEmpty();
    }

    @Test
    void aRefusedRevertIsLoggedOnceToo() {
        Daemon d = daemonFor(config().link(bridge("br0")).link(bridge("br1")).build());
        kernel.failWrite(2, Errno.EOPNOTSUPP, EXTACK);
        kernel.failWrite(3, Errno.EBUSY, "revert refused (injected)");

        d.start();

        assertThat(linesWith(EXTACK)).as("in %s", messages()).hasSize(1);
        assertThat(linesWith("revert refused (injected)")).as("in %s", messages()).singleElement().asString()
                .contains("/etc/vlinkd/test.yaml:1:5", "br0", "revert", "EBUSY");
        assertThat(linesWith("apply failed")).as("in %s", messages())
                .containsExactly("start: apply failed: 2 errors; REVERT INCOMPLETE: the kernel may be half-changed");
    }

    @Test
    void theReplyStillCarriesTheRefusal() {
        Daemon d = daemonFor(config().link(bridge("br0")).link(bridge("br1")).build());
        d.start();
        // The first converge made both; a reload that changes nothing sends no write, so make one: drop br1.
        kernel.apply(List.of(LinkRequests.delete(kernel.observe().link("br1").get().index(), "br1")));
        kernel.failWrite(1, Errno.EOPNOTSUPP, EXTACK);
        log.clear();

        Reply r = d.reload("vlinkctl reload");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).anySatisfy(line -> assertThat(line).contains("br1", EXTACK));
        assertThat(linesWith(EXTACK)).as("lines quoting the refusal in %s", messages()).hasSize(1);
    }

    private List<String> messages() {
        return log.events().stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
    }
}
