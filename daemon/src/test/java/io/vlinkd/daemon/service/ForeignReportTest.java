package io.vlinkd.daemon.service;

import static io.vlinkd.daemon.reconcile.Desired.address;
import static io.vlinkd.daemon.reconcile.Desired.bridge;
import static io.vlinkd.daemon.reconcile.Desired.config;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vlinkd.daemon.LogCapture;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.control.Reply;
import io.vlinkd.daemon.reconcile.Desired;
import io.vlinkd.daemon.reconcile.FakeKernel;
import io.vlinkd.daemon.reconcile.Planner;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.reconcile.TestKind;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.route.AddressMessage;
import io.vlinkd.netlink.route.AddressRequests;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.RouteRequests;
import io.vlinkd.netlink.route.RouteSpec;
import io.vlinkd.netlink.route.Rtnl;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code settings.foreign: report} through the daemon, the reconcile port and the reconciler over a
 * {@link FakeKernel}: a port someone enslaved to a configured bridge, an address someone added to it and a route
 * someone put through it are each logged once at start, again only after they went away and came back, and listed
 * by {@code vlinkctl status} (text and JSON). {@code foreign: ignore} logs and lists nothing.
 */
class ForeignReportTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture log = new LogCapture();
    private final FakeKernel kernel = new FakeKernel(TestKind::byName);
    private final Fakes.Config config = new Fakes.Config(null);
    private ReconcilerBackend backend;
    private Daemon daemon;

    /** br0 with no {@code addresses:} key: addresses on it are not vlinkd's business. */
    private static DesiredState br0(boolean report) {
        Desired d = config().link(bridge("br0").withState(AdminState.UP));
        return (report ? d.reportForeign() : d).build();
    }

    private static final RouteSpec ROUTE = config().route("198.51.100.0/24", "192.0.2.254", "br0").build()
            .routes().get(0).route();

    @AfterEach
    void stop() throws InterruptedException {
        if (daemon != null) {
            daemon.stop("test");
            daemon.awaitStop();
        }
    }

    /** br0 exists (made by vlinkd) and someone has put a port, an address and a route on it; then vlinkd starts. */
    private void startWithForeignObjectsOnBr0(boolean report) throws Exception {
        Reconciler reconciler = new Reconciler(kernel, new OwnershipStore(dir.resolve("owned")), new Planner(), 1,
                Duration.ZERO);
        reconciler.apply(br0(false));
        int br0 = kernel.observe().link("br0").orElseThrow().index();
        int dummy = kernel.addForeignLink("dummy0", "dummy", null, true);
        kernel.apply(List.of(LinkRequests.setMaster(dummy, "dummy0", br0),
                AddressRequests.add(br0, "br0", address("192.0.2.1/24"))));
        addRoute();
        log.clear();

        config.next = new ConfigPort.Loaded(br0(report), "1 interface");
        backend = new ReconcilerBackend(dir, reconciler);
        daemon = new Daemon(new DaemonPaths(dir.resolve("etc"), dir, dir.resolve("run")), config, backend,
                new Fakes.Notifier());
        assertThat(daemon.start().ok()).isTrue();
    }

    private void addRoute() {
        int br0 = kernel.observe().link("br0").orElseThrow().index();
        assertThat(kernel.apply(List.of(RouteRequests.add(ROUTE, br0, Rtnl.RTPROT_BOOT))).get(0).succeeded())
                .isTrue();
    }

    private void deleteRoute() {
        int br0 = kernel.observe().link("br0").orElseThrow().index();
        assertThat(kernel.apply(List.of(RouteRequests.delete(ROUTE, br0, Rtnl.RTPROT_BOOT))).get(0).succeeded())
                .isTrue();
    }

    private List<String> foreignLines() {
        return log.events().stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("foreign"))
                .toList();
    }

    private Reply status(boolean json) {
        return daemon.status(json, new StatusView(new NoLinks(), name -> true, backend.foreignReport()::current));
    }

    @Test
    void eachForeignObjectIsLoggedOnceAtStart() throws Exception {
        startWithForeignObjectsOnBr0(true);

        assertThat(foreignLines()).containsExactly(
                "br0: foreign link dummy0 (dummy, port of br0): not in the config, not created by vlinkd; left "
                        + "alone (settings.foreign: report)",
                "br0: foreign address 192.0.2.1/24: not in the config, not created by vlinkd; left alone "
                        + "(settings.foreign: report)",
                "br0: foreign route 198.51.100.0/24 (via 192.0.2.254 table main metric 0 proto boot): not in the "
                        + "config, not created by vlinkd; left alone (settings.foreign: report)");
        assertThat(kernel.observe().link("dummy0")).isPresent();
    }

    @Test
    void anObjectIsLoggedAgainOnlyAfterItWentAwayAndCameBack() throws Exception {
        startWithForeignObjectsOnBr0(true);
        log.clear();

        daemon.reload("SIGHUP");
        assertThat(foreignLines()).isEmpty();

        deleteRoute();
        daemon.reload("SIGHUP");
        assertThat(foreignLines()).isEmpty();

        addRoute();
        daemon.reload("SIGHUP");
        assertThat(foreignLines()).singleElement().asString().startsWith("br0: foreign route 198.51.100.0/24");
    }

    @Test
    void statusListsThemInTextAndJson() throws Exception {
        startWithForeignObjectsOnBr0(true);

        assertThat(status(false).out()).containsSubsequence(
                "foreign objects on configured interfaces (settings.foreign: report; vlinkd leaves them alone):",
                "ON               TYPE     OBJECT                   DETAIL",
                "br0              link     dummy0                   dummy, port of br0",
                "br0              address  192.0.2.1/24             -",
                "br0              route    198.51.100.0/24          via 192.0.2.254 table main metric 0 proto boot");
        assertThat(status(true).out()).singleElement().asString().endsWith(",\"foreign\":["
                + "{\"interface\":\"br0\",\"type\":\"link\",\"object\":\"dummy0\",\"detail\":\"dummy, port of br0\"},"
                + "{\"interface\":\"br0\",\"type\":\"address\",\"object\":\"192.0.2.1/24\",\"detail\":\"\"},"
                + "{\"interface\":\"br0\",\"type\":\"route\",\"object\":\"198.51.100.0/24\","
                + "\"detail\":\"via 192.0.2.254 table main metric 0 proto boot\"}]}");
    }

    @Test
    void ignoreLogsAndListsNothing() throws Exception {
        startWithForeignObjectsOnBr0(false);

        assertThat(foreignLines()).isEmpty();
        assertThat(status(false).out()).noneMatch(l -> l.contains("foreign"));
        assertThat(status(true).out()).singleElement().asString().endsWith(",\"foreign\":null}");
    }

    /** A kernel view with no links: the status rows are not what these tests look at. */
    private static final class NoLinks implements KernelView {
        @Override
        public List<LinkMessage> links(String netns) {
            return List.of();
        }

        @Override
        public List<AddressMessage> addresses(String netns) {
            return List.of();
        }

        @Override
        public void monitor(Predicate<String> sink) {
        }
    }
}
