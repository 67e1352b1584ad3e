package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.Desired.bridge;
import static io.vlinkd.daemon.reconcile.Desired.config;
import static io.vlinkd.daemon.reconcile.Desired.ip;
import static io.vlinkd.daemon.reconcile.Desired.veth;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.address.OwnedAddress;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.resource.link.OwnedLink;
import io.vlinkd.daemon.resource.route.RouteType;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkRequests;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drift repair plans only what the drift concerned (issue 14): the interfaces named, what is connected to them,
 * and their addresses and routes. Here br2 is deleted behind vlinkd's back too, without a notification reaching the
 * repair of br0: a repair that planned the whole config would re-create it, a scoped one leaves it to its own repair.
 */
class ScopedRepairTest {
    @TempDir
    Path dir;

    FakeKernel kernel;
    OwnershipStore store;
    Reconciler reconciler;

    /** br0 with a port (one end of a veth pair), an address and a route through it; br1 with an address; br2. */
    final DesiredState config = config()
            .link(bridge("br0").withState(AdminState.UP), "192.0.2.1/24")
            .link(veth("veth0", "veth1").withMaster("br0"))
            .link(bridge("br1").withState(AdminState.UP), "198.51.100.1/24")
            .link(bridge("br2"))
            .route("203.0.113.0/24", "192.0.2.254", "br0")
            .build();

    @BeforeEach
    void setUp() throws Exception {
        kernel = new FakeKernel(TestKind::byName);
        store = new OwnershipStore(dir.resolve("owned"));
        reconciler = new Reconciler(kernel, store, new Planner(), 1, Duration.ZERO);
        ApplyResult first = reconciler.apply(config);
        assertThat(first.outcome()).as("%s", first.errors()).isEqualTo(ApplyResult.Outcome.APPLIED);
    }

    private void deleteBehindOurBack(String name) {
        int index = kernel.observe().link(name).orElseThrow().index();
        kernel.apply(List.of(LinkRequests.delete(index, name)));
    }

    @Test
    void aDeletedBridgeIsRecreatedWithItsPortAddressAndRouteAndNothingElseIsPlanned() throws Exception {
        deleteBehindOurBack("br0");
        deleteBehindOurBack("br2");
        assertThat(kernel.observe().link("veth0").orElseThrow().master()).as("released with br0").isZero();

        ApplyResult r = reconciler.repair(config, Set.of("br0"));

        assertThat(r.outcome()).as("%s", r.errors()).isEqualTo(ApplyResult.Outcome.APPLIED);
        ObservedState now = kernel.observe();
        ObservedLink br0 = now.link("br0").orElseThrow();
        assertThat(now.link("veth0").orElseThrow().master()).as("the port re-enslaved").isEqualTo(br0.index());
        assertThat(now.addresses()).anySatisfy(a -> {
            assertThat(a.index()).isEqualTo(br0.index());
            assertThat(a.address()).isEqualTo(ip("192.0.2.1"));
        });
        assertThat(now.routes()).anySatisfy(rt -> {
            assertThat(rt.oif()).isEqualTo(br0.index());
            assertThat(rt.dst()).isEqualTo(ip("203.0.113.0"));
        });
        Set<String> planned = r.plan().steps().stream().map(Step::link).collect(Collectors.toSet());
        assertThat(planned).contains("br0", "veth0").doesNotContain("br1", "br2");
        assertThat(now.link("br2")).as("not concerned: left to its own repair").isEmpty();

        // The ledger outside the scope is saved as it was read; inside it records the new br0.
        Ownership owned = store.load();
        assertThat(owned.get("br0").map(OwnedLink::ifindex)).contains(br0.index());
        assertThat(owned.links().stream().map(OwnedLink::name))
                .containsExactlyInAnyOrder("br0", "veth0", "veth1", "br1", "br2");
        assertThat(owned.lines(io.vlinkd.daemon.resource.address.AddressType.TYPE).stream()
                .map(OwnedAddress::link)).containsExactlyInAnyOrder("br0", "br1");
        assertThat(owned.lines(RouteType.TYPE)).hasSize(1);
        assertThat(owned.intents()).isEmpty();

        // A repair of the whole config (the periodic re-read, a reload) re-creates br2; then nothing is left to do.
        assertThat(reconciler.apply(config).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(kernel.observe().link("br2")).isPresent();
        assertThat(reconciler.apply(config).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
    }

    @Test
    void aDeletedPortIsRecreatedAndEnslavedWithoutPlanningTheOtherBridges() throws Exception {
        deleteBehindOurBack("veth0"); // takes its peer along
        deleteBehindOurBack("br2");

        ApplyResult r = reconciler.repair(config, Set.of("veth0", "veth1"));

        assertThat(r.outcome()).as("%s", r.errors()).isEqualTo(ApplyResult.Outcome.APPLIED);
        ObservedState now = kernel.observe();
        assertThat(now.link("veth1")).isPresent();
        assertThat(now.link("veth0").orElseThrow().master()).isEqualTo(now.link("br0").orElseThrow().index());
        assertThat(now.link("br2")).isEmpty();
    }

    @Test
    void aConfigWithARouteThroughNoNamedInterfaceIsRepairedWhole() throws Exception {
        // The kernel chose that route's device from the addresses: any link's deletion may have taken it along.
        DesiredState withGatewayRoute = config()
                .link(bridge("br0").withState(AdminState.UP), "192.0.2.1/24")
                .link(veth("veth0", "veth1").withMaster("br0"))
                .link(bridge("br1").withState(AdminState.UP), "198.51.100.1/24")
                .link(bridge("br2"))
                .route("203.0.113.0/24", "192.0.2.254", "br0")
                .route("10.9.0.0/16", "198.51.100.254", null)
                .build();
        assertThat(reconciler.apply(withGatewayRoute).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        deleteBehindOurBack("br0");
        deleteBehindOurBack("br2");

        ApplyResult r = reconciler.repair(withGatewayRoute, Set.of("br0"));

        assertThat(r.outcome()).as("%s", r.errors()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(kernel.observe().link("br2")).as("the whole config was planned").isPresent();
    }
}
