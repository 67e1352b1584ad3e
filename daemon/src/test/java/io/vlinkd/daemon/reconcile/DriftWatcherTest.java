package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.Desired.bridge;
import static io.vlinkd.daemon.reconcile.Desired.config;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.socket.EventsLostException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DriftWatcherTest {
    @TempDir
    Path dir;

    FakeKernel kernel;
    OwnershipStore store;
    Reconciler reconciler;
    final Deque<Object> queue = new ArrayDeque<>();

    /** Events handed out one poll at a time; an EventsLostException in the queue is thrown. */
    final DriftEvents events = timeout -> {
        Object next = queue.poll();
        if (next instanceof EventsLostException e) {
            throw e;
        }
        return next == null ? List.of() : List.of((NlMessage) next);
    };

    @BeforeEach
    void setUp() {
        kernel = new FakeKernel(TestKind::byName);
        store = new OwnershipStore(dir.resolve("owned"));
        reconciler = new Reconciler(kernel, store, new Planner(), 1, Duration.ZERO);
    }

    private static NlMessage linkEvent(int type, int index, String name) throws Exception {
        MessageWriter w = MessageWriter.request(type, 0);
        IfInfoMsg.of(index).writeTo(w);
        w.putString(Ifla.IFLA_IFNAME, name);
        return NlMessage.parseOne(w.finish("event").bytes());
    }

    private DesiredState withDrift(DaemonSettings.DriftPolicy drift) {
        DesiredState d = config().link(bridge("br0")).build();
        return new DesiredState(d.links(), d.absent(), d.routes(), new DaemonSettings(drift,
                DaemonSettings.ForeignPolicy.IGNORE, DaemonSettings.OnError.ROLLBACK), d.files());
    }

    private int deleteBehindOurBack(String name) throws Exception {
        int index = kernel.observe().link(name).orElseThrow().index();
        kernel.apply(List.of(LinkRequests.delete(index, name)));
        return index;
    }

    @Test
    void enforceRecreatesAnOwnedLinkDeletedBehindOurBack() throws Exception {
        DesiredState d = withDrift(DaemonSettings.DriftPolicy.ENFORCE);
        reconciler.apply(d);
        DriftWatcher w = new DriftWatcher(reconciler, kernel, store, () -> d, events, Duration.ZERO);
        int old = deleteBehindOurBack("br0");
        queue.add(linkEvent(Rtnl.RTM_DELLINK, old, "br0"));

        w.pollOnce(Duration.ZERO);

        assertThat(kernel.observe().link("br0")).isPresent();
        assertThat(w.repairs()).isEqualTo(1);
        assertThat(store.load().owns("br0", kernel.observe().link("br0").get().index())).isTrue();
    }

    @Test
    void reportOnlyLogsAndWritesNothing() throws Exception {
        DesiredState d = withDrift(DaemonSettings.DriftPolicy.REPORT);
        reconciler.apply(d);
        DriftWatcher w = new DriftWatcher(reconciler, kernel, store, () -> d, events, Duration.ZERO);
        int old = deleteBehindOurBack("br0");
        int writes = kernel.writes();
        queue.add(linkEvent(Rtnl.RTM_DELLINK, old, "br0"));

        w.pollOnce(Duration.ZERO);

        assertThat(kernel.observe().link("br0")).isEmpty();
        assertThat(kernel.writes()).isEqualTo(writes);
        assertThat(w.reports()).isEqualTo(1);
    }

    @Test
    void churnOnForeignInterfacesCausesNoDumpAndNoWrite() throws Exception {
        DesiredState d = withDrift(DaemonSettings.DriftPolicy.ENFORCE);
        reconciler.apply(d);
        DriftWatcher w = new DriftWatcher(reconciler, kernel, store, () -> d, events, Duration.ZERO);
        int idx = kernel.addForeignLink("docker0", "bridge", TestKind.BRIDGE.spec(), true);
        int writes = kernel.writes();
        int observations = kernel.observations();
        for (int i = 0; i < 20; i++) {
            queue.add(linkEvent(Rtnl.RTM_NEWLINK, idx, "docker0"));
        }
        for (int i = 0; i < 20; i++) {
            w.pollOnce(Duration.ZERO);
        }
        assertThat(kernel.writes()).isEqualTo(writes);
        assertThat(kernel.observations()).isEqualTo(observations);
        assertThat(w.repairs()).isZero();
    }

    @Test
    void lostEventsTriggerAFullRedumpAndRepair() throws Exception {
        DesiredState d = withDrift(DaemonSettings.DriftPolicy.ENFORCE);
        reconciler.apply(d);
        DriftWatcher w = new DriftWatcher(reconciler, kernel, store, () -> d, events, Duration.ZERO);
        deleteBehindOurBack("br0");
        queue.add(new EventsLostException("test socket"));

        w.pollOnce(Duration.ZERO);

        assertThat(kernel.observe().link("br0")).isPresent();
    }

    @Test
    void aBurstOfEventsBecomesOneReconcileAfterTheDebounce() throws Exception {
        DesiredState d = withDrift(DaemonSettings.DriftPolicy.ENFORCE);
        reconciler.apply(d);
        DriftWatcher w = new DriftWatcher(reconciler, kernel, store, () -> d, events, Duration.ofMillis(200));
        int old = deleteBehindOurBack("br0");
        for (int i = 0; i < 5; i++) {
            queue.add(linkEvent(Rtnl.RTM_DELLINK, old, "br0"));
        }
        int observations = kernel.observations();
        for (int i = 0; i < 5; i++) {
            w.pollOnce(Duration.ZERO);
        }
        assertThat(kernel.observations()).as("no reconcile within the debounce").isEqualTo(observations);
        Thread.sleep(250);
        w.pollOnce(Duration.ZERO);
        assertThat(kernel.observe().link("br0")).isPresent();
        assertThat(w.repairs()).isEqualTo(1);
    }
}
