package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.Desired.bridge;
import static io.vlinkd.daemon.reconcile.Desired.config;
import static io.vlinkd.daemon.reconcile.Desired.veth;
import static io.vlinkd.daemon.reconcile.Desired.vxlan;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.link.KindTraits;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.AddressRequests;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.RouteRequests;
import io.vlinkd.netlink.route.RouteSpec;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What the reconciler relies on from a kernel, run against {@link FakeKernel} and against a real namespace
 * (integration-tests: {@code NetlinkKernelPortContractTest}), so the fake stays honest.
 */
public abstract class KernelPortContract {

    /** A fresh, empty kernel (lo only) for each test. */
    protected abstract KernelPort port();

    private WriteResult write(NlRequest r) throws KernelException {
        return port().execute(List.of(new Write.RtnlRequest(r))).get(0);
    }

    private NlRequest create(LinkSpec s) throws KernelException {
        return LinkRequests.create(s, new ObservedContext(port().observe(), port()));
    }

    private ObservedLink link(String name) throws KernelException {
        return port().observe().link(name).orElseThrow(() -> new AssertionError("no link " + name));
    }

    /**
     * A reconciler over {@code counting} that owns into a fresh directory and verifies up to 20 times, 50 ms apart
     * (a real kernel settles carrier, operstate and IPv6 DAD after the request returns).
     */
    private static Reconciler reconciler(CountingPort counting) throws IOException {
        Path dir = Files.createTempDirectory("vlinkd-contract");
        return new Reconciler(counting, new OwnershipStore(dir.resolve("owned")), new Planner(), 20,
                Duration.ofMillis(50));
    }

    private static RouteSpec route(String to, int len, String via, String dev) {
        return new RouteSpec(Desired.ip(to), len, via == null ? Optional.empty() : Optional.of(Desired.ip(via)),
                Optional.ofNullable(dev), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty());
    }

    @Test
    void aCreatedLinkIsObservedWithItsKindAndOptions() throws Exception {
        assertThat(write(create(vxlan("vx0", 42, "ttl", 64L).withMtu(1400))).succeeded()).isTrue();
        ObservedLink vx = link("vx0");
        assertThat(vx.kindName()).isEqualTo("vxlan");
        assertThat(vx.mtu()).isEqualTo(1400);
        assertThat(KindTraits.options(vx.kind(), vx.spec()).integer("id")).contains(42L);
        assertThat(KindTraits.options(vx.kind(), vx.spec()).integer("ttl")).contains(64L);
    }

    @Test
    void creatingATakenNameIsEexistWithoutText() throws Exception {
        write(create(bridge("br0")));
        WriteResult again = write(create(bridge("br0")));
        assertThat(again.error().errno()).isEqualTo(Errno.EEXIST);
        assertThat(again.error().kernelMessage()).isNull();
    }

    @Test
    void changingAMissingIndexIsEnodev() throws Exception {
        WriteResult r = write(LinkRequests.setState(99999, "nope", AdminState.UP));
        assertThat(r.error().errno()).isEqualTo(Errno.ENODEV);
    }

    @Test
    void aPortNeedsAMasterThatExistsAndTakesPorts() throws Exception {
        write(create(veth("v0", "v0p")));
        int v0 = link("v0").index();
        // do_set_master: an unknown master index is EINVAL.
        assertThat(write(LinkRequests.setMaster(v0, "v0", 99999)).error().errno()).isEqualTo(Errno.EINVAL);
        assertThat(write(LinkRequests.setMaster(v0, "v0", link("v0p").index())).error().errno())
                .isEqualTo(Errno.EOPNOTSUPP);
    }

    @Test
    void deletingAMasterFreesItsPorts() throws Exception {
        write(create(bridge("br0")));
        write(create(veth("v0", "v0p").withMaster("br0")));
        assertThat(link("v0").master()).isEqualTo(link("br0").index());
        assertThat(write(LinkRequests.delete(link("br0").index(), "br0")).succeeded()).isTrue();
        assertThat(link("v0").master()).isZero();
    }

    @Test
    void deletingOneEndOfAVethDeletesBoth() throws Exception {
        write(create(veth("v0", "v0p")));
        assertThat(link("v0p").parent()).isEqualTo(link("v0").index());
        assertThat(link("v0").parent()).isEqualTo(link("v0p").index());
        write(LinkRequests.delete(link("v0p").index(), "v0p"));
        assertThat(port().observe().link("v0")).isEmpty();
    }

    @Test
    void deletingALinkDropsItsAddressesAndRoutes() throws Exception {
        write(create(veth("v0", "v0p").withState(AdminState.UP)));
        int v0 = link("v0").index();
        assertThat(write(AddressRequests.add(v0, "v0", Desired.address("192.0.2.1/24"))).succeeded()).isTrue();
        assertThat(write(RouteRequests.add(route("198.51.100.0", 24, "192.0.2.254", "v0"), v0, 247)).succeeded())
                .isTrue();
        assertThat(port().observe().addressesOf(v0)).isNotEmpty();
        write(LinkRequests.delete(v0, "v0"));
        ObservedState s = port().observe();
        assertThat(s.addressesOf(v0)).isEmpty();
        assertThat(s.routes()).noneMatch(r -> r.oif() == v0);
    }

    @Test
    void changingTheVniIsRefusedWithTheKernelsWords() throws Exception {
        write(create(vxlan("vx0", 42)));
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, Netlink.NLM_F_ACK);
        IfInfoMsg.of(link("vx0").index()).writeTo(w);
        try (var info = w.nest(Ifla.IFLA_LINKINFO)) {
            w.putString(Ifla.IFLA_INFO_KIND, "vxlan");
            try (var data = w.nest(Ifla.IFLA_INFO_DATA)) {
                w.putInt(TestKind.VXLAN.dataSpace().get(1), 43);
            }
        }
        WriteResult r = write(w.finish("RTM_NEWLINK vx0 (vxlan, change)"));
        assertThat(r.error().errno()).isEqualTo(Errno.EOPNOTSUPP);
        assertThat(r.error().kernelMessage()).isEqualTo("Cannot change VNI");
    }

    @Test
    void aBatchAnswersEachRequestAndARefusalDoesNotStopTheRest() throws Exception {
        List<WriteResult> results = port().execute(List.of(new Write.RtnlRequest(create(bridge("a0"))),
                new Write.RtnlRequest(create(bridge("a0"))), new Write.RtnlRequest(create(bridge("b0")))));
        assertThat(results).extracting(WriteResult::succeeded).containsExactly(true, false, true);
        assertThat(port().observe().link("b0")).isPresent();
    }

    @Test
    void aRouteNeedsItsDeviceUpAndAReachableGateway() throws Exception {
        write(create(veth("v0", "v0p")));
        int v0 = link("v0").index();
        write(AddressRequests.add(v0, "v0", Desired.address("192.0.2.1/24")));
        assertThat(write(RouteRequests.add(route("198.51.100.0", 24, null, "v0"), v0, 247)).error().errno())
                .isEqualTo(100 /* ENETDOWN */);
        write(LinkRequests.setState(v0, "v0", AdminState.UP));
        assertThat(write(RouteRequests.add(route("198.51.100.0", 24, "10.9.9.9", "v0"), v0, 247)).error().errno())
                .isEqualTo(101 /* ENETUNREACH */);
        assertThat(write(RouteRequests.add(route("198.51.100.0", 24, "192.0.2.254", "v0"), v0, 247)).succeeded())
                .isTrue();
    }

    @Test
    void takingADeviceDownDropsItsIpv4Routes() throws Exception {
        write(create(veth("v0", "v0p").withState(AdminState.UP)));
        int v0 = link("v0").index();
        write(AddressRequests.add(v0, "v0", Desired.address("192.0.2.1/24")));
        write(RouteRequests.add(route("198.51.100.0", 24, "192.0.2.254", "v0"), v0, 247));
        write(LinkRequests.setState(v0, "v0", AdminState.DOWN));
        assertThat(port().observe().routes()).noneMatch(r -> r.protocol() == 247);
    }

    @Test
    void aNoOpReconcileSendsNoWrite() throws Exception {
        CountingPort counting = new CountingPort(port());
        Reconciler r = reconciler(counting);
        DesiredState d = config()
                .link(bridge("br0").withState(AdminState.UP), "192.0.2.1/24")
                .link(veth("v0", "v0p").withMaster("br0").withState(AdminState.UP).withMtu(1400))
                .link(vxlan("vx0", 42, "ttl", 64L, "dev", "v0").withState(AdminState.UP))
                .route("198.51.100.0/24", "192.0.2.254", "br0")
                .build();
        ApplyResult first = r.apply(d);
        assertThat(first.errors()).isEmpty();
        int writes = counting.writes();
        ObservedState.Snapshot before = port().observe().snapshot();

        ApplyResult again = r.apply(d);

        assertThat(again.outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(counting.writes()).isEqualTo(writes);
        assertThat(port().observe().snapshot()).isEqualTo(before);
    }

    @Test
    void aFailureAtAnyWriteIsRevertedToTheSameFullState() throws Exception {
        CountingPort counting = new CountingPort(port());
        Reconciler r = reconciler(counting);
        r.apply(config().link(bridge("br0").withState(AdminState.UP), "192.0.2.1/24")
                .link(vxlan("vx0", 42).withMaster("br0")).link(bridge("old0"), "203.0.113.1/24")
                .route("198.51.100.0/24", "192.0.2.254", "br0").build());
        ObservedState.Snapshot before = port().observe().snapshot();
        DesiredState next = config().link(bridge("br0").withState(AdminState.UP).withMtu(1400), "192.0.2.2/24")
                .link(vxlan("vx0", 43).withMaster("br0")).link(veth("v0", "v0p").withMaster("br0"))
                .route("198.51.101.0/24", "192.0.2.254", "br0").build();
        int n = r.plan(next).steps().size();
        assertThat(n).isGreaterThanOrEqualTo(8);
        // Fail write k of n for every k: each apply is reverted, so the next starts from the same state.
        for (int k = 1; k <= n; k++) {
            counting.failWrite(k);

            ApplyResult result = r.apply(next);

            assertThat(result.outcome()).as("failure at write %d of %d: %s", k, n, result.errors())
                    .isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
            assertThat(port().observe().snapshot()).as("state after a failure at write %d of %d", k, n)
                    .isEqualTo(before);
        }
    }
}
