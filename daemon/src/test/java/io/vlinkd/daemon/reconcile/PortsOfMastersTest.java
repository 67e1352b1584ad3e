package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.ReconcileChecks.link;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.netlink.Errno;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12.6: a port created up in a bond or team. The fake kernel refuses to enslave an up port into a bond (EPERM)
 * or team (EBUSY) as the kernel does; vlinkd creates every port down in its master, then sets it up.
 */
class PortsOfMastersTest extends OverFakeKernel.WithRealKinds {
    private DesiredState portsOf(String kind) throws IOException {
        return config("interfaces:\n"
                + "  - { name: m0, kind: " + kind + (kind.equals("vrf") ? ", vrf: { table: 10 }" : "") + " }\n"
                + "  - { name: p0, kind: veth, veth: { peer: p0x }, master: m0, state: up }\n"
                + "  - { name: p1, kind: dummy, master: m0 }\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bond", "team", "bridge", "vrf"})
    void aPortCreatedUpIsCreatedDownInItsMasterThenSetUp(String kind) throws Exception {
        DesiredState d = portsOf(kind);
        Plan plan = reconciler.plan(d);
        assertThat(plan.toIpCommands()).contains("ip link add p0 master m0 type veth peer name p0x\n")
                .contains("ip link set dev p0 up\n").contains("ip link add p1 master m0 type dummy\n")
                .contains("ip link set dev p1 up\n");
        assertThat(waveOf(plan, "p0", Phase.SET_STATE)).isGreaterThan(waveOf(plan, "p0", Phase.CREATE_LINK));

        ApplyResult r = reconciler.apply(d);
        assertThat(r.errors()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        for (String port : List.of("p0", "p1")) {
            assertThat(link(kernel, port).up()).as(port).isTrue();
            assertThat(link(kernel, port).master()).as(port).isEqualTo(link(kernel, "m0").index());
        }
        assertThat(reconciler.apply(d).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
    }

    @Test
    void theFakeKernelRefusesAnUpPortLikeBondEnslave() throws Exception {
        reconciler.apply(config("interfaces:\n  - { name: m0, kind: bond }\n"));
        Step oldOrder = new Step.CreateLink(io.vlinkd.netlink.link.LinkSpec.of("p9",
                io.vlinkd.netlink.kind.OptionlessKind.DUMMY, io.vlinkd.netlink.kind.OptionlessKind.NONE)
                .withMaster("m0").withState(io.vlinkd.netlink.link.AdminState.UP), java.util.Set.of(), List.of(),
                null, null);
        List<WriteResult> results = kernel.execute(List.of(oldOrder.write(new ObservedContext(kernel.observe(), kernel))));
        assertThat(results.get(0).error().errno()).isEqualTo(Errno.EPERM);
    }

    @Test
    void aFailedApplyRevertsThePortsInOrder() throws Exception {
        everyFailedWriteRestores(portsOf("bond"), () -> { });
    }

    /**
     * For each write k of {@code d}'s apply on a kernel set up by {@code setUp}: an apply whose k-th write fails
     * is rolled back, and the kernel is as it was.
     */
    private void everyFailedWriteRestores(DesiredState d, Runnable setUp) throws Exception {
        setUp.run();
        int start = kernel.writes();
        reconciler.apply(d);
        int n = kernel.writes() - start;
        for (int k = 1; k <= n; k++) {
            startFakeKernel();
            setUp.run();
            ObservedState.Snapshot before = kernel.observe().snapshot();
            kernel.failWrite(k, Errno.EBUSY, "injected at write " + k);
            ApplyResult r = reconciler.apply(d);
            assertThat(r.outcome()).as("failure at write %d of %d: %s", k, n, r.errors())
                    .isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
            assertThat(kernel.observe().snapshot()).as("after a failure at write %d", k).isEqualTo(before);
        }
    }

    /**
     * An interface that exists and is up (a NIC) joins a bond or team: set down, enslaved, set up again (as it was,
     * or as {@code state:} says); a bridge or vrf takes it up, with no down and up. Undone in the reverse order.
     */
    @ParameterizedTest
    @ValueSource(strings = {"bond", "team", "bridge", "vrf"})
    void anExistingInterfaceThatIsUpJoinsItsMaster(String kind) throws Exception {
        kernel.addForeignLink("eth5", null, null, true);
        DesiredState d = config("interfaces:\n"
                + "  - { name: m0, kind: " + kind + (kind.equals("vrf") ? ", vrf: { table: 10 }" : "") + " }\n"
                + "  - { name: eth5, master: m0 }\n");
        Plan plan = reconciler.plan(d);
        boolean downFirst = kind.equals("bond") || kind.equals("team");
        if (downFirst) {
            assertThat(plan.toIpCommands()).contains("ip link set dev eth5 down\n")
                    .contains("ip link set dev eth5 master m0\n").contains("ip link set dev eth5 up\n");
            assertThat(waveOf(plan, "eth5", Phase.SET_MASTER))
                    .isGreaterThan(waveOf(plan, "eth5", Phase.SET_DOWN_TO_ENSLAVE))
                    .isLessThan(waveOf(plan, "eth5", Phase.SET_STATE));
        } else {
            assertThat(plan.toIpCommands()).contains("ip link set dev eth5 master m0\n")
                    .doesNotContain("ip link set dev eth5 down\n").doesNotContain("ip link set dev eth5 up\n");
        }
        ApplyResult r = reconciler.apply(d);
        assertThat(r.errors()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(link(kernel, "eth5").up()).isTrue();
        assertThat(link(kernel, "eth5").master()).isEqualTo(link(kernel, "m0").index());
        assertThat(reconciler.apply(d).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
    }

    @Test
    void anExistingInterfaceThatIsUpJoinsABondDownWhenTheConfigSaysSo() throws Exception {
        kernel.addForeignLink("eth5", null, null, true);
        DesiredState d = config("interfaces:\n  - { name: m0, kind: bond }\n"
                + "  - { name: eth5, master: m0, state: down }\n");
        assertThat(reconciler.plan(d).toIpCommands()).contains("ip link set dev eth5 down\n")
                .doesNotContain("ip link set dev eth5 up\n");
        assertThat(reconciler.apply(d).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(link(kernel, "eth5").up()).isFalse();
        assertThat(link(kernel, "eth5").master()).isEqualTo(link(kernel, "m0").index());
    }

    @Test
    void aFailedJoinOfAnExistingInterfaceLeavesItUpAndOutsideTheBond() throws Exception {
        DesiredState d = config("interfaces:\n  - { name: m0, kind: bond }\n  - { name: eth5, master: m0 }\n");
        everyFailedWriteRestores(d, () -> kernel.addForeignLink("eth5", null, null, true));
    }

    private static int waveOf(Plan plan, String link, Phase phase) {
        return ReconcileChecks.waveOf(plan, link, phase);
    }
}
