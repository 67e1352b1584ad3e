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

    /** A watcher whose detections are recorded, as the daemon's loop would receive them. */
    private DriftWatcher watcher(DesiredState d, Duration debounce) throws Exception {
        return new DriftWatcher(kernel, store, () -> d, events, debounce, (what, links) -> {
            detected.add(what);
            scopes.add(links);
        });
    }

    /** The enforced config of br0, applied, and a watcher of it. */
    private DriftWatcher appliedAndWatched(Duration debounce) throws Exception {
        DesiredState d = withDrift(DaemonSettings.DriftPolicy.ENFORCE);
        reconciler.apply(d);
        return watcher(d, debounce);
    }

    final List<String> detected = new java.util.ArrayList<>();
    /** The interfaces each detection concerned (empty: the whole config). */
    final List<java.util.Optional<java.util.Set<String>>> scopes = new java.util.ArrayList<>();

    @Test
    void anOwnedLinkDeletedBehindOurBackIsReportedNotRepairedOnTheWatchersThread() throws Exception {
        DriftWatcher w = appliedAndWatched(Duration.ZERO);
        int old = deleteBehindOurBack("br0");
        int writes = kernel.writes();
        queue.add(linkEvent(Rtnl.RTM_DELLINK, old, "br0"));

        w.pollOnce(Duration.ZERO);

        assertThat(detected).containsExactly("br0");
        assertThat(w.detections()).isEqualTo(1);
        // The repair is the daemon loop's (against the config current then), not the watcher's.
        assertThat(kernel.writes()).isEqualTo(writes);
        assertThat(kernel.observe().link("br0")).isEmpty();
    }

    @Test
    void anOwnedLinkIsWatchedAlsoWhenNoConfigNamesIt() throws Exception {
        reconciler.apply(withDrift(DaemonSettings.DriftPolicy.ENFORCE));
        DriftWatcher w = watcher(DesiredState.empty(), Duration.ZERO);
        int old = deleteBehindOurBack("br0");
        queue.add(linkEvent(Rtnl.RTM_DELLINK, old, "br0"));

        w.pollOnce(Duration.ZERO);

        assertThat(detected).containsExactly("br0");
    }

    @Test
    void churnOnForeignInterfacesCausesNoDumpAndNoReport() throws Exception {
        DriftWatcher w = appliedAndWatched(Duration.ZERO);
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
        assertThat(detected).isEmpty();
    }

    @Test
    void lostEventsRereadTheNamesAndAreReported() throws Exception {
        DriftWatcher w = appliedAndWatched(Duration.ZERO);
        int observations = kernel.observations();
        queue.add(new EventsLostException("test socket"));

        w.pollOnce(Duration.ZERO);

        assertThat(detected).containsExactly("notifications lost (ENOBUFS)");
        assertThat(kernel.observations()).isEqualTo(observations + 1);
    }

    @Test
    void aBurstOfEventsBecomesOneReportAfterTheDebounce() throws Exception {
        DriftWatcher w = appliedAndWatched(Duration.ofMillis(200));
        int old = deleteBehindOurBack("br0");
        for (int i = 0; i < 5; i++) {
            queue.add(linkEvent(Rtnl.RTM_DELLINK, old, "br0"));
        }
        for (int i = 0; i < 5; i++) {
            w.pollOnce(Duration.ZERO);
        }
        assertThat(detected).as("nothing within the debounce").isEmpty();
        Thread.sleep(250);
        w.pollOnce(Duration.ZERO);
        assertThat(detected).containsExactly("br0");
    }

    @Test
    void aReportNamesTheInterfacesItsBurstConcernedAndLostEventsNameNone() throws Exception {
        DriftWatcher w = appliedAndWatched(Duration.ofMillis(100));
        int old = deleteBehindOurBack("br0");
        queue.add(linkEvent(Rtnl.RTM_DELLINK, old, "br0"));
        // A rename concerns both names: the old one may be configured and now missing.
        queue.add(linkEvent(Rtnl.RTM_NEWLINK, 77, "br7"));
        queue.add(linkEvent(Rtnl.RTM_NEWLINK, 77, "br0"));
        for (int i = 0; i < 3; i++) {
            w.pollOnce(Duration.ZERO);
        }
        Thread.sleep(150);
        w.pollOnce(Duration.ZERO);
        assertThat(detected).containsExactly("br0");
        assertThat(scopes).containsExactly(java.util.Optional.of(java.util.Set.of("br0", "br7")));

        queue.add(linkEvent(Rtnl.RTM_NEWLINK, 77, "br0"));
        queue.add(new EventsLostException("test socket"));
        w.pollOnce(Duration.ZERO);
        w.pollOnce(Duration.ZERO);
        Thread.sleep(150);
        w.pollOnce(Duration.ZERO);
        assertThat(scopes).as("lost notifications: the whole config").last()
                .isEqualTo(java.util.Optional.empty());
    }

    @Test
    void theKernelsOwnAddressOnAConfiguredLinkIsNoDriftUnlessTheConfigListsAddressesThere() throws Exception {
        DriftWatcher w = appliedAndWatched(Duration.ZERO);
        int index = kernel.observe().link("br0").orElseThrow().index();
        // A re-created bridge's IPv6 link-local address, as it finishes DAD: never vlinkd's, never restored.
        queue.add(addressEvent(index, "fe80::1", 64));
        w.pollOnce(Duration.ZERO);
        assertThat(detected).isEmpty();
        queue.add(addressEvent(index, "192.0.2.1", 24));
        w.pollOnce(Duration.ZERO);
        assertThat(detected).containsExactly("address on br0");

        detected.clear();
        DesiredState listing = config().link(bridge("br0"), "fe80::1/64").build();
        reconciler.apply(listing);
        DriftWatcher listed = watcher(listing, Duration.ZERO);
        queue.add(addressEvent(kernel.observe().link("br0").orElseThrow().index(), "fe80::1", 64));
        listed.pollOnce(Duration.ZERO);
        assertThat(detected).as("the config lists one at that key").containsExactly("address on br0");
    }

    /**
     * An FDB entry has no mark: a static one that changes on a configured interface may be vlinkd's (the ledger
     * knows), so it is drift to look at (the entries the bridge learns are the kernel's: DaemonKernelTest).
     */
    @Test
    void aStaticFdbEntryOnAConfiguredInterfaceIsDrift() throws Exception {
        DriftWatcher w = appliedAndWatched(Duration.ZERO);
        int index = kernel.observe().link("br0").orElseThrow().index();
        io.vlinkd.netlink.route.FdbSpec entry = new io.vlinkd.netlink.route.FdbSpec(
                io.vlinkd.netlink.wire.MacAddress.parse("02:00:00:00:00:10"), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(), false);
        queue.add(NlMessage.parseOne(io.vlinkd.netlink.route.FdbRequests.add(index, "br0", entry).bytes()));
        w.pollOnce(Duration.ZERO);
        assertThat(detected).containsExactly("fdb entry on br0");
    }

    private static NlMessage addressEvent(int index, String ip, int prefixLength) throws Exception {
        return NlMessage.parseOne(io.vlinkd.netlink.route.AddressRequests.add(index, "dev",
                io.vlinkd.netlink.route.AddressSpec.of(java.net.InetAddress.getByName(ip), prefixLength)).bytes());
    }
}
