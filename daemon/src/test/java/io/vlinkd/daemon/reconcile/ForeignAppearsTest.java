package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.Desired.bridge;
import static io.vlinkd.daemon.reconcile.Desired.config;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.vlinkd.daemon.LogCapture;
import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A foreign object that appears while the daemon runs is reported when it appears: the notification of a port
 * enslaved to a configured bridge makes the drift watcher look (with {@code drift: enforce} an apply that finds
 * nothing to do, with {@code drift: report} a check), and that observation reaches the foreign report.
 */
class ForeignAppearsTest {
    @TempDir
    Path dir;

    @RegisterExtension
    final LogCapture log = new LogCapture();
    private final FakeKernel kernel = new FakeKernel(TestKind::byName);
    private final Deque<NlMessage> queue = new ArrayDeque<>();
    private final DriftEvents events = timeout -> queue.isEmpty() ? List.of() : List.of(queue.poll());

    private static DesiredState br0(DaemonSettings.DriftPolicy drift) {
        DesiredState d = config().link(bridge("br0").withState(AdminState.UP)).reportForeign().build();
        return new DesiredState(d.links(), d.absent(), d.routes(), new DaemonSettings(drift,
                DaemonSettings.ForeignPolicy.REPORT, DaemonSettings.OnError.ROLLBACK), d.files());
    }

    private static NlMessage portEvent(int index, String name, int master) throws Exception {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, 0);
        IfInfoMsg.of(index).writeTo(w);
        w.putString(Ifla.IFLA_IFNAME, name);
        w.putInt(Ifla.IFLA_MASTER, master);
        return NlMessage.parseOne(w.finish("event").bytes());
    }

    private List<String> foreignLines() {
        return log.events().stream().map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains("foreign"))
                .toList();
    }

    /** What the daemon's loop does with a detection: a check (drift: report) or an apply (enforce). */
    private static void repair(Reconciler reconciler, DesiredState d) {
        try {
            if (d.settings().drift() == DaemonSettings.DriftPolicy.REPORT) {
                reconciler.check(d);
            } else {
                reconciler.apply(d);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void aPortAppearsAndIsReported(DaemonSettings.DriftPolicy drift) throws Exception {
        OwnershipStore store = new OwnershipStore(dir.resolve("owned-" + drift));
        Reconciler reconciler = new Reconciler(kernel, store, new Planner(), 1, Duration.ZERO);
        reconciler.observeWith(new ForeignReport());
        DesiredState d = br0(drift);
        reconciler.apply(d);
        DriftWatcher w = new DriftWatcher(kernel, store, () -> d, events, Duration.ZERO, what -> repair(reconciler, d));
        assertThat(foreignLines()).isEmpty();

        int br0 = kernel.observe().link("br0").orElseThrow().index();
        int dummy = kernel.addForeignLink("dummy0", "dummy", null, true);
        kernel.apply(List.of(LinkRequests.setMaster(dummy, "dummy0", br0)));
        queue.add(portEvent(dummy, "dummy0", br0));
        w.pollOnce(Duration.ZERO);

        assertThat(foreignLines()).singleElement().asString()
                .startsWith("br0: foreign link dummy0 (dummy, port of br0)");
    }

    @Test
    void aPortEnslavedWhileRunningIsReportedUnderDriftEnforce() throws Exception {
        aPortAppearsAndIsReported(DaemonSettings.DriftPolicy.ENFORCE);
    }

    @Test
    void aPortEnslavedWhileRunningIsReportedUnderDriftReport() throws Exception {
        aPortAppearsAndIsReported(DaemonSettings.DriftPolicy.REPORT);
    }
}
