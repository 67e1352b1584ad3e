package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.Desired.bridge;
import static io.vlinkd.daemon.reconcile.Desired.veth;
import static io.vlinkd.daemon.reconcile.Desired.vxlan;
import static io.vlinkd.daemon.reconcile.ReconcileChecks.link;
import static io.vlinkd.daemon.reconcile.ReconcileChecks.waveOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.resource.link.KindTraits;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.Rtnl;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReconcilerTest extends OverFakeKernel {
    @Test
    void createsParentsAndMastersBeforeTheirChildren() throws Exception {
        DesiredState d = Desired.config()
                .link(vxlan("vx0", 42, "dev", "v0").withMaster("br0").withState(AdminState.UP))
                .link(veth("v0", "v0p").withState(AdminState.UP), "192.0.2.1/24")
                .link(bridge("br0").withState(AdminState.UP))
                .route("198.51.100.0/24", "192.0.2.254", "v0")
                .build();
        Plan plan = reconciler.plan(d);
        assertThat(waveOf(plan, "vx0", Phase.CREATE_LINK)).isGreaterThan(waveOf(plan, "v0", Phase.CREATE_LINK))
                .isGreaterThan(waveOf(plan, "br0", Phase.CREATE_LINK));
        assertThat(waveOf(plan, "v0", Phase.ADD_ROUTE)).isGreaterThan(waveOf(plan, "v0", Phase.ADD_ADDRESS));
        assertThat(plan.waves().get(0)).extracting(Step::link).containsExactlyInAnyOrder("v0", "br0");

        ApplyResult r = reconciler.apply(d);
        assertThat(r.errors()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(link(kernel, "vx0").master()).isEqualTo(link(kernel, "br0").index());
        assertThat(link(kernel, "v0p").parent()).isEqualTo(link(kernel, "v0").index());
        assertThat(kernel.observe().routes()).hasSize(1);
        assertThat(kernel.observe().routes().get(0).protocol()).isEqualTo(Planner.VLINKD_PROTOCOL);
    }

    @Test
    void aVethWhosePeerNameIsTakenSaysWhichNameAndByWhat() throws Exception {
        kernel.addForeignLink("vp0", "dummy", null, true);
        ApplyResult r = reconciler.apply(Desired.config().link(veth("veth0", "vp0")).build());
        assertThat(r.outcome()).isNotEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(r.errors()).singleElement().hasToString("/etc/vlinkd/test.yaml:1:5: veth0: create veth:"
                + " RTM_NEWLINK veth0 (veth): EEXIST: the peer name vp0 is taken by an existing interface (kind dummy)");
        assertThat(kernel.observe().link("veth0")).isEmpty();
    }

    @Test
    void aLinkWhoseOwnNameIsTakenSaysByWhat() throws Exception {
        kernel.addForeignLink("eth7", null, null, true);
        // A create that meets a name taken since the plan was made: the fake, like the kernel, answers EEXIST.
        Step.CreateLink create = new Step.CreateLink(LinkSpec.of("eth7", TestKind.BRIDGE,
                TestKind.BRIDGE.spec()), java.util.Set.of(), List.of(), null, null);
        NetlinkException eexist = new NetlinkException("RTM_NEWLINK eth7 (bridge)", Errno.EEXIST, null, null, null);
        assertThat(StepError.of(create, eexist, kernel.observe())).hasToString("eth7: create bridge:"
                + " RTM_NEWLINK eth7 (bridge): EEXIST: the name eth7 is taken by an existing interface (a device"
                + " without a kind: a NIC, or lo)");
    }

    @Test
    void configuresAVethPeerDeclaredWithoutKindRightAfterItsPairIsCreated() throws Exception {
        LinkSpec peer = new LinkSpec("v0p", null, null, Optional.of(1400), Optional.empty(),
                Optional.of(AdminState.UP), Optional.of("br0"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        DesiredState d = Desired.config().link(bridge("br0")).link(veth("v0", "v0p")).link(peer, "192.0.2.7/24")
                .build();

        Plan plan = reconciler.plan(d);
        assertThat(waveOf(plan, "v0p", Phase.SET_STATE)).isGreaterThan(waveOf(plan, "v0", Phase.CREATE_LINK));
        ApplyResult r = reconciler.apply(d);

        assertThat(r.errors()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(link(kernel, "v0p").mtu()).isEqualTo(1400);
        assertThat(link(kernel, "v0p").up()).isTrue();
        assertThat(link(kernel, "v0p").master()).isEqualTo(link(kernel, "br0").index());
        assertThat(kernel.observe().addressesOf(link(kernel, "v0p").index())).hasSize(1);
        int writes = kernel.writes();
        assertThat(reconciler.apply(d).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(kernel.writes()).isEqualTo(writes);
    }

    @Test
    void refusesADependencyCycleWithoutWriting() throws Exception {
        DesiredState d = Desired.config().link(bridge("a").withMaster("b")).link(bridge("b").withMaster("a")).build();
        ApplyResult r = reconciler.apply(d);
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.REFUSED);
        assertThat(r.errors().get(0).message()).contains("a, b").contains("cycle");
        assertThat(kernel.writes()).isZero();
    }

    @Test
    void secondApplyOfTheSameConfigSendsNoWrite() throws Exception {
        DesiredState d = Desired.config()
                .link(bridge("br0").withMtu(1400).withState(AdminState.UP), "192.0.2.1/24", "2001:db8::1/64")
                .link(veth("v0", "v0p").withMaster("br0").withState(AdminState.UP))
                .link(vxlan("vx0", 42, "ttl", 64).withState(AdminState.DOWN))
                .route("198.51.100.0/24", "192.0.2.254", "br0")
                .build();
        assertThat(reconciler.apply(d).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        int writes = kernel.writes();
        ObservedState.Snapshot before = kernel.observe().snapshot();

        ApplyResult again = reconciler.apply(d);

        assertThat(again.outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(kernel.writes()).isEqualTo(writes);
        assertThat(kernel.observe().snapshot()).isEqualTo(before);
    }

    @Test
    void changesInPlaceOnlyWhatDiffersAndLeavesUnsetOptionsAlone() throws Exception {
        reconciler.apply(Desired.config().link(vxlan("vx0", 42, "ttl", 64).withMtu(1450)).build());
        int writes = kernel.writes();
        int index = link(kernel, "vx0").index();

        ApplyResult r = reconciler.apply(Desired.config().link(vxlan("vx0", 42, "ttl", 32)).build());

        assertThat(r.kept()).hasSize(1);
        Step.ChangeLink c = (Step.ChangeLink) r.kept().get(0);
        assertThat(c.ipCommand()).isEqualTo("ip link set dev vx0 type vxlan ttl 32");
        assertThat(kernel.writes()).isEqualTo(writes + 1);
        assertThat(link(kernel, "vx0").index()).isEqualTo(index);
        assertThat(link(kernel, "vx0").mtu()).isEqualTo(1450);
    }

    @Test
    void recreatesWhenTheVniChangesAndReattachesPortsAndAddresses() throws Exception {
        reconciler.apply(Desired.config()
                .link(bridge("br0"))
                .link(vxlan("vx0", 42).withMaster("br0").withState(AdminState.UP), "192.0.2.1/24")
                .build());
        int oldIndex = link(kernel, "vx0").index();

        DesiredState d = Desired.config()
                .link(bridge("br0"))
                .link(vxlan("vx0", 43).withMaster("br0").withState(AdminState.UP), "192.0.2.1/24")
                .build();
        Plan plan = reconciler.plan(d);
        assertThat(plan.steps()).anySatisfy(s -> assertThat(s.operation()).contains("re-create vxlan")
                .contains("id 42 → 43").contains("Cannot change VNI"));
        ApplyResult r = reconciler.apply(d);

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        ObservedLink vx = link(kernel, "vx0");
        assertThat(vx.index()).isNotEqualTo(oldIndex);
        assertThat(KindTraits.options(vx.kind(), vx.spec()).integer("id")).contains(43L);
        assertThat(vx.master()).isEqualTo(link(kernel, "br0").index());
        assertThat(vx.up()).isTrue();
        assertThat(kernel.observe().addressesOf(vx.index())).hasSize(1);
        assertThat(store.load().owns("vx0", vx.index())).isTrue();
    }

    @Test
    void recreatingAParentRecreatesWhatIsStackedOnIt() throws Exception {
        reconciler.apply(Desired.config().link(veth("v0", "v0p")).link(vxlan("vx0", 7, "dev", "v0")).build());
        DesiredState d = Desired.config().link(veth("v0", "v0q")).link(vxlan("vx0", 7, "dev", "v0")).build();
        Plan plan = reconciler.plan(d);
        assertThat(plan.steps()).filteredOn(s -> s instanceof Step.DeleteLink).extracting(Step::link)
                .containsExactlyInAnyOrder("v0", "vx0");
        assertThat(waveOf(plan, "vx0", Phase.DELETE_LINK)).isLessThan(waveOf(plan, "v0", Phase.DELETE_LINK));
        assertThat(waveOf(plan, "vx0", Phase.CREATE_LINK)).isGreaterThan(waveOf(plan, "v0", Phase.CREATE_LINK));

        ApplyResult r = reconciler.apply(d);

        assertThat(r.errors()).isEmpty();
        assertThat(kernel.observe().link("v0p")).isEmpty();
        assertThat(link(kernel, "v0q").parent()).isEqualTo(link(kernel, "v0").index());
        assertThat(KindTraits.options(link(kernel, "vx0").kind(), link(kernel, "vx0").spec()).string("dev")).contains("v0");
    }

    @Test
    void deletesAnOwnedLinkThatLeftTheConfigButNeverAForeignOne() throws Exception {
        kernel.addForeignLink("foreign0", "bridge", TestKind.BRIDGE.spec(), true);
        reconciler.apply(Desired.config().link(bridge("br0")).link(veth("v0", "v0p")).build());

        ApplyResult r = reconciler.apply(Desired.config().link(bridge("br0")).build());

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(kernel.observe().link("v0")).isEmpty();
        assertThat(kernel.observe().link("v0p")).isEmpty();
        assertThat(kernel.observe().link("foreign0")).isPresent();
        assertThat(r.kept()).hasSize(1);
        assertThat(store.load().get("v0")).isEmpty();
        assertThat(store.load().get("v0p")).isEmpty();
    }

    @Test
    void aNamesakeCreatedByOthersAfterOursIsNotOwned() throws Exception {
        reconciler.apply(Desired.config().link(bridge("br0")).build());
        FakeKernel k = kernel;
        int ours = link(kernel, "br0").index();
        k.apply(List.of(io.vlinkd.netlink.link.LinkRequests.delete(ours, "br0")));
        k.addForeignLink("br0", "bridge", TestKind.BRIDGE.spec(), false);

        ApplyResult r = reconciler.apply(DesiredState.empty());

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(kernel.observe().link("br0")).isPresent();
    }

    @Test
    void stateAbsentDeletesAForeignLinkByName() throws Exception {
        kernel.addForeignLink("old0", "bridge", TestKind.BRIDGE.spec(), false);
        ApplyResult r = reconciler.apply(Desired.config().absent("old0").absent("never-existed").build());
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(kernel.observe().link("old0")).isEmpty();
    }

    @Test
    void refusesToReplaceAForeignInterfaceOfAnotherKind() throws Exception {
        kernel.addForeignLink("x0", "bridge", TestKind.BRIDGE.spec(), false);
        ApplyResult r = reconciler.apply(Desired.config().link(vxlan("x0", 1)).build());
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.REFUSED);
        assertThat(r.errors().get(0).toString()).contains("test.yaml:1:5").contains("did not create");
        assertThat(kernel.writes()).isZero();
    }

    @Test
    void neverTouchesForeignAddressesOrRoutesUnlessTheConfigManagesThem() throws Exception {
        int idx = kernel.addForeignLink("eth9", null, null, true);
        kernel.apply(List.of(io.vlinkd.netlink.route.AddressRequests.add(idx, "eth9", Desired.address("10.0.0.1/24")),
                io.vlinkd.netlink.route.RouteRequests.add(new io.vlinkd.netlink.route.RouteSpec(Desired.ip("10.9.0.0"),
                        16, Optional.of(Desired.ip("10.0.0.254")), Optional.of("eth9"),
                        Optional.empty(), Optional.empty(), Optional.empty(),
                        Optional.empty(), Optional.empty(), false, Optional.empty()),
                        idx, 4)));
        int writes = kernel.writes();

        ApplyResult r = reconciler.apply(Desired.config().link(bridge("br0")).build());
        assertThat(r.kept()).extracting(Step::link).containsExactly("br0");
        assertThat(kernel.observe().addressesOf(idx)).hasSize(1);
        assertThat(kernel.observe().routes()).hasSize(1);

        // An existing interface (no kind) named with addresses: those are added; the one someone else added stays.
        ApplyResult managed = reconciler.apply(Desired.config().link(bridge("br0"))
                .link(io.vlinkd.netlink.link.LinkSpec.of("eth9", null, null), "10.0.0.2/24").build());
        assertThat(managed.kept()).extracting(Step::operation).containsExactly("add address 10.0.0.2/24");
        assertThat(kernel.writes()).isEqualTo(writes + 2);
        assertThat(kernel.observe().addressesOf(idx)).hasSize(2);
    }

    @Test
    void rollbackRevertsEveryStepWhenOneFails() throws Exception {
        reconciler.apply(Desired.config().link(bridge("br0")).build());
        ObservedState.Snapshot before = kernel.observe().snapshot();
        DesiredState d = Desired.config().link(bridge("br0").withMtu(1400))
                .link(bridge("br1"), "192.0.2.1/24").link(veth("v0", "v0p").withMaster("br0")).build();
        kernel.failWrite(3, Errno.EINVAL, "injected for the test");

        ApplyResult r = reconciler.apply(d);

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).toString()).contains("/etc/vlinkd/test.yaml:").contains("EINVAL")
                .contains("injected for the test");
        assertThat(kernel.observe().snapshot()).isEqualTo(before);
    }

    @Test
    void isolateKeepsIndependentBranches() throws Exception {
        DesiredState d = Desired.config().isolate().link(bridge("br0"), "192.0.2.1/24").link(bridge("br1"))
                .link(veth("v1", "v1p").withMaster("br1")).build();
        // Wave 1 creates br0 and br1 (in config order), then v1. Fail br1's creation.
        kernel.failWrite(2, Errno.EBUSY, "injected");

        ApplyResult r = reconciler.apply(d);

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.PARTIAL);
        assertThat(kernel.observe().link("br0")).isPresent();
        assertThat(kernel.observe().addressesOf(link(kernel, "br0").index())).hasSize(1);
        assertThat(kernel.observe().link("br1")).isEmpty();
        assertThat(kernel.observe().link("v1")).isEmpty();
        assertThat(store.load().get("br0")).isPresent();
        assertThat(store.load().get("br1")).isEmpty();
    }

    @Test
    void isolateChecksThatTheFailedBranchIsReallyRestored() throws Exception {
        DesiredState d = Desired.config().isolate().link(bridge("br0")).link(bridge("br1"))
                .link(veth("v1", "v1p").withMaster("br1")).build();
        kernel.failWrite(3, Errno.EBUSY, "injected"); // v1's creation, after br0 and br1
        // A port that acknowledges link deletions without passing them on: the revert of br1 "succeeds", but br1
        // is still there.
        Reconciler deaf = new Reconciler(new KernelPort() {
            public ObservedState observe() {
                return kernel.observe();
            }

            public List<WriteResult> execute(List<Write> wave) {
                List<Write> passed = wave.stream().filter(w -> !isDelLink(w)).toList();
                List<WriteResult> results = new java.util.ArrayList<>(kernel.execute(passed));
                wave.stream().filter(w -> isDelLink(w)).forEach(w -> results.add(WriteResult.ok(w)));
                return results;
            }

            private boolean isDelLink(Write w) {
                return w instanceof Write.RtnlRequest r && r.request().type() == Rtnl.RTM_DELLINK;
            }

            public int netnsFd(String netns) throws KernelException {
                return kernel.netnsFd(netns);
            }
        }, store, new Planner(), 2, Duration.ZERO);

        ApplyResult r = deaf.apply(d);

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.REVERT_FAILED);
        assertThat(r.errors()).anySatisfy(e -> assertThat(e.toString())
                .contains("the revert did not restore the state before the apply").contains("br1"));
        assertThat(kernel.observe().link("br0")).isPresent();
    }

    @Test
    void aVethPairThatLeftTheConfigIsDeletedUnderTheNameTheConfigGaveIt() throws Exception {
        reconciler.apply(Desired.config().link(veth("v0", "v0p")).build());
        // The kernel (and the fake) dumps the peer first: v0p has the lower ifindex.
        assertThat(link(kernel, "v0p").index()).isLessThan(link(kernel, "v0").index());

        ApplyResult r = reconciler.apply(Desired.config().build());

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(r.plan().steps()).singleElement().satisfies(s -> {
            assertThat(s).isInstanceOf(Step.DeleteLink.class);
            assertThat(s.ipCommand()).isEqualTo("ip link del v0");
        });
        assertThat(kernel.observe().links()).extracting(ObservedLink::name).containsExactly("lo");
    }

    @Test
    void theSameFailureUnderRollbackLeavesNothing() throws Exception {
        DesiredState d = Desired.config().link(bridge("br0"), "192.0.2.1/24").link(bridge("br1"))
                .link(veth("v1", "v1p").withMaster("br1")).build();
        kernel.failWrite(2, Errno.EBUSY, "injected");

        ApplyResult r = reconciler.apply(d);

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(kernel.observe().links()).extracting(ObservedLink::name).containsExactly("lo");
        assertThat(store.load().links()).isEmpty();
    }

    @Test
    void appliedChangeRollbackUndoesAConfirmedTimeoutApply() throws Exception {
        reconciler.apply(Desired.config().link(bridge("br0").withMtu(1500)).link(veth("v0", "v0p")).build());
        ObservedState.Snapshot before = kernel.observe().snapshot();

        ApplyResult r = reconciler.apply(Desired.config().link(bridge("br0").withMtu(9000), "192.0.2.1/24")
                .link(vxlan("vx0", 5).withMaster("br0")).build());
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(r.revertPlan()).isNotEmpty();

        assertThat(r.change().rollback()).isEmpty();

        assertThat(kernel.observe().snapshot()).isEqualTo(before);
        assertThat(store.load().get("v0")).isPresent();
        assertThat(store.load().get("vx0")).isEmpty();
    }
}
