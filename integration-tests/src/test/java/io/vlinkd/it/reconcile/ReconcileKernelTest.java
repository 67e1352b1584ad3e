package io.vlinkd.it.reconcile;

import static io.vlinkd.daemon.reconcile.Desired.bridge;
import static io.vlinkd.daemon.reconcile.Desired.config;
import static io.vlinkd.daemon.reconcile.Desired.veth;
import static io.vlinkd.daemon.reconcile.Desired.vxlan;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.DriftWatcher;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.Planner;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.reconcile.TestKind;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.socket.EventSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.NlMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The reconciler against this kernel, each test in a fresh namespace, with {@code ip -j -d} as the oracle. */
class ReconcileKernelTest {
    @RegisterExtension
    final KernelFixture kernel = new KernelFixture();

    private TestNamespace ns;
    private NetlinkKernelPort port;
    private Reconciler reconciler;
    private OwnershipStore store;

    private static final DesiredState CONFIG = config()
            .link(bridge("br0").withState(AdminState.UP), "192.0.2.1/24", "2001:db8::1/64")
            .link(veth("v0", "v0p").withMaster("br0").withState(AdminState.UP).withMtu(1400))
            .link(vxlan("vx0", 42, "ttl", 64L, "dev", "v0").withMaster("br0").withState(AdminState.UP))
            .route("198.51.100.0/24", "192.0.2.254", "br0")
            .build();

    @BeforeEach
    void freshNamespace() throws Exception {
        ns = kernel.freshNamespace();
        kernel.assumeBridgeVethAndVxlan();
        port = kernel.open(TestKind::byName);
        store = kernel.store();
        reconciler = kernel.reconciler(port);
    }

    @Test
    void appliesAConfigThatIpSeesAsConfigured() throws Exception {
        ApplyResult r = reconciler.apply(CONFIG);
        assertThat(r.errors()).isEmpty();
        JsonNode v0 = ns.link("v0");
        assertThat(v0.get("master").asText()).isEqualTo("br0");
        assertThat(v0.get("mtu").asInt()).isEqualTo(1400);
        JsonNode vx = ns.link("vx0");
        assertThat(vx.get("linkinfo").get("info_data").get("id").asInt()).isEqualTo(42);
        assertThat(vx.get("linkinfo").get("info_data").get("ttl").asInt()).isEqualTo(64);
        assertThat(vx.get("master").asText()).isEqualTo("br0");
        assertThat(ns.json("route", "show", "proto", "247").toString()).contains("198.51.100.0");
    }

    @Test
    void aVethWhosePeerNameIsTakenSaysSo() throws Exception {
        // This kernel has no dummy; an ifb is as foreign. veth_newlink() registers the peer first: EEXIST, no text.
        ns.ip("link", "add", "vp0", "type", "ifb");
        ApplyResult r = reconciler.apply(config().link(veth("veth0", "vp0")).build());
        assertThat(r.errors()).singleElement().asString().endsWith("veth0: create veth: RTM_NEWLINK veth0 (veth):"
                + " EEXIST: the peer name vp0 is taken by an existing interface (kind ifb)");
        assertThat(ns.json("link", "show").toString()).doesNotContain("veth0");
    }

    @Test
    void aNoOpReconcileSendsNoWriteAndMakesNoLinkFlap() throws Exception {
        // IPv6 duplicate address detection finishes seconds after an address is added (a bridge without carrier
        // defers it) and announces it with RTM_NEWADDR/RTM_NEWROUTE: kernel activity, not ours. Without DAD the
        // namespace is quiet once the apply returns, so any notification would be the reconcile's.
        Process p = new ProcessBuilder("ip", "netns", "exec", ns.name(), "sysctl", "-qw",
                "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0").inheritIO().start();
        assertThat(p.waitFor()).isZero();
        assertThat(reconciler.apply(CONFIG).errors()).isEmpty();
        io.vlinkd.daemon.reconcile.CountingPort counting = new io.vlinkd.daemon.reconcile.CountingPort(port);
        Reconciler counted = new Reconciler(counting, store, new Planner(), 5, Duration.ofMillis(50));
        try (EventSocket events = EventSocket.subscribe(Netns.named(ns.name()), Rtnl.RTNLGRP_LINK,
                Rtnl.RTNLGRP_IPV4_IFADDR, Rtnl.RTNLGRP_IPV6_IFADDR, Rtnl.RTNLGRP_IPV4_ROUTE,
                Rtnl.RTNLGRP_IPV6_ROUTE)) {
            // Let what the first apply set in motion (IPv6 DAD, carrier) settle: one quiet second.
            List<NlMessage> settling = events.poll(Duration.ofMillis(1000));
            while (!settling.isEmpty()) {
                settling = events.poll(Duration.ofMillis(1000));
            }
            JsonNode before = ns.links();

            ApplyResult again = counted.apply(CONFIG);

            assertThat(again.outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
            assertThat(counting.writes()).isZero();
            List<String> seen = new ArrayList<>();
            for (NlMessage m : events.poll(Duration.ofMillis(500))) {
                seen.add(Rtnl.typeName(m.type()));
            }
            assertThat(seen).as("notifications during a no-op reconcile").isEmpty();
            JsonNode after = ns.links();
            assertThat(after.size()).isEqualTo(before.size());
            for (int i = 0; i < before.size(); i++) {
                assertThat(after.get(i).get("ifindex")).isEqualTo(before.get(i).get("ifindex"));
                assertThat(after.get(i).get("flags")).isEqualTo(before.get(i).get("flags"));
            }
        }
    }

    @Test
    void aVniChangeRecreatesTheVxlanAndReattachesItToItsBridge() throws Exception {
        reconciler.apply(CONFIG);
        int oldIndex = ns.link("vx0").get("ifindex").asInt();
        DesiredState next = config()
                .link(bridge("br0").withState(AdminState.UP), "192.0.2.1/24", "2001:db8::1/64")
                .link(veth("v0", "v0p").withMaster("br0").withState(AdminState.UP).withMtu(1400))
                .link(vxlan("vx0", 43, "ttl", 64L, "dev", "v0").withMaster("br0").withState(AdminState.UP))
                .route("198.51.100.0/24", "192.0.2.254", "br0")
                .build();

        ApplyResult r = reconciler.apply(next);

        assertThat(r.errors()).isEmpty();
        JsonNode vx = ns.link("vx0");
        assertThat(vx.get("ifindex").asInt()).isNotEqualTo(oldIndex);
        assertThat(vx.get("linkinfo").get("info_data").get("id").asInt()).isEqualTo(43);
        assertThat(vx.get("master").asText()).isEqualTo("br0");
        assertThat(store.load().owns("vx0", vx.get("ifindex").asInt())).isTrue();
    }

    @Test
    void driftRepairRecreatesAnOwnedLinkDeletedWithIp() throws Exception {
        reconciler.apply(CONFIG);
        try (EventSocket events = EventSocket.subscribe(Netns.named(ns.name()), Rtnl.RTNLGRP_LINK,
                Rtnl.RTNLGRP_IPV4_IFADDR, Rtnl.RTNLGRP_IPV6_IFADDR, Rtnl.RTNLGRP_IPV4_ROUTE,
                Rtnl.RTNLGRP_IPV6_ROUTE)) {
            DriftWatcher watcher = new DriftWatcher(port, store, () -> CONFIG, events::poll, Duration.ofMillis(20),
                    what -> repair(reconciler));
            Thread t = new Thread(watcher, "drift-watch");
            t.start();
            try {
                ns.ip("link", "del", "vx0");
                JsonNode vx = null;
                for (int i = 0; i < 100 && vx == null; i++) {
                    Thread.sleep(50);
                    vx = ns.link("vx0");
                }
                assertThat(vx).as("vx0 re-created by drift repair").isNotNull();
                assertThat(vx.get("master").asText()).isEqualTo("br0");
            } finally {
                watcher.stop();
                t.join(5000);
            }
        }
    }

    @Test
    void externalChurnOnForeignLinksCausesNoWrite() throws Exception {
        reconciler.apply(CONFIG);
        io.vlinkd.daemon.reconcile.CountingPort counting = new io.vlinkd.daemon.reconcile.CountingPort(port);
        Reconciler watched = new Reconciler(counting, store, new Planner(), 5, Duration.ofMillis(50));
        try (EventSocket events = EventSocket.subscribe(Netns.named(ns.name()), Rtnl.RTNLGRP_LINK,
                Rtnl.RTNLGRP_IPV4_IFADDR, Rtnl.RTNLGRP_IPV4_ROUTE)) {
            java.util.List<String> detected = new java.util.ArrayList<>();
            DriftWatcher watcher = new DriftWatcher(counting, store, () -> CONFIG, events::poll,
                    Duration.ofMillis(20), what -> {
                        detected.add(what);
                        repair(watched);
                    });
            ns.ip("link", "add", "other0", "type", "bridge");
            ns.ip("link", "set", "other0", "up");
            ns.ip("addr", "add", "10.0.0.1/24", "dev", "other0");
            ns.ip("link", "del", "other0");
            for (int i = 0; i < 10; i++) {
                watcher.pollOnce(Duration.ofMillis(50));
            }
            assertThat(counting.writes()).isZero();
            // The namespace's own links settle late (carrier, operstate) and may be reported; the churn never is.
            assertThat(detected).doesNotContain("other0", "address on other0");
        }
    }

    /** What the daemon's loop does with a detection (here on the watcher's thread: no reload competes). */
    private static void repair(Reconciler r) {
        try {
            r.apply(CONFIG);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
