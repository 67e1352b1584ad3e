package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.Desired.bridge;
import static io.vlinkd.daemon.reconcile.Desired.config;
import static io.vlinkd.daemon.reconcile.Desired.veth;
import static io.vlinkd.daemon.reconcile.Desired.vxlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.resource.link.OwnedLink;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.link.AdminState;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails write k of n for every k of a plan that creates, changes, re-creates, enslaves and deletes links,
 * addresses and routes, and checks that the state after the failed apply equals the state before it, compared as
 * full observations (links with every option, addresses, routes), and that ownership is unchanged.
 */
class FaultInjectionTest {
    @TempDir
    Path dir;

    private static final DesiredState BEFORE = config()
            .link(bridge("br0").withState(AdminState.UP), "192.0.2.1/24")
            .link(veth("v0", "v0p").withMaster("br0").withState(AdminState.UP))
            .link(vxlan("vx0", 42, "ttl", 64).withMaster("br0"), "198.18.0.1/24")
            .link(bridge("gone0"), "203.0.113.1/24")
            .route("198.51.100.0/24", "192.0.2.254", "br0")
            .route("198.51.101.0/24", "192.0.2.254", "br0")
            .build();

    private static final DesiredState AFTER = config()
            .link(bridge("br0").withState(AdminState.UP).withMtu(1400), "192.0.2.1/24", "192.0.2.2/24")
            .link(veth("v0", "v0p").withState(AdminState.DOWN))
            .link(vxlan("vx0", 43, "ttl", 32).withMaster("br0"), "198.18.0.1/24")
            .link(bridge("br1").withState(AdminState.UP), "10.1.0.1/24")
            .link(veth("v1", "v1p").withMaster("br1").withState(AdminState.UP))
            .absent("foreign0")
            .route("198.51.100.0/24", "192.0.2.254", "br0")
            .route("10.2.0.0/16", "10.1.0.254", "br1")
            .build();

    private Reconciler prepared(FakeKernel k, String name) throws Exception {
        Reconciler r = new Reconciler(k, new OwnershipStore(dir.resolve(name)), new Planner(), 1, Duration.ZERO);
        assertThat(r.apply(BEFORE).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        int foreign = k.addForeignLink("foreign0", "bridge", TestKind.BRIDGE.spec(), true);
        k.apply(java.util.List.of(io.vlinkd.netlink.route.AddressRequests.add(foreign, "foreign0",
                Desired.address("172.16.0.1/24"))));
        return r;
    }

    @Test
    void aFailureAtAnyWriteLeavesTheStateAsItWas() throws Exception {
        FakeKernel clean = new FakeKernel(TestKind::byName);
        Reconciler ok = prepared(clean, "clean");
        int start = clean.writes();
        ApplyResult applied = ok.apply(AFTER);
        assertThat(applied.errors()).isEmpty();
        int n = clean.writes() - start;
        assertThat(n).isGreaterThanOrEqualTo(12);

        for (int k = 1; k <= n; k++) {
            FakeKernel kernel = new FakeKernel(TestKind::byName);
            Reconciler r = prepared(kernel, "k" + k);
            OwnershipStore store = new OwnershipStore(dir.resolve("k" + k));
            Ownership ownedBefore = store.load();
            ObservedState.Snapshot before = kernel.observe().snapshot();
            kernel.failWrite(k, Errno.EBUSY, "injected at write " + k);

            ApplyResult result = r.apply(AFTER);

            assertThat(result.outcome()).as("failure at write %d of %d: %s", k, n, result.errors())
                    .isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
            assertThat(result.errors().get(0).message()).contains("injected at write " + k);
            assertThat(kernel.observe().snapshot()).as("state after a failure at write %d of %d", k, n)
                    .isEqualTo(before);
            // Same links owned; one the revert re-created is owned under its new index.
            Ownership ownedAfter = store.load();
            assertThat(ownedAfter.links()).extracting(OwnedLink::name)
                    .containsExactlyInAnyOrderElementsOf(ownedBefore.links().stream()
                            .map(OwnedLink::name).toList());
            for (OwnedLink l : ownedAfter.links()) {
                assertThat(kernel.observe().link(l.name()).map(ObservedLink::index)).as("owned %s", l.name())
                        .contains(l.ifindex());
            }
        }
    }
}
