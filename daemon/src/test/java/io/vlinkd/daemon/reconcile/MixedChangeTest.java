package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.ReconcileChecks.link;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.netlink.Errno;
import java.io.IOException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 12.11: a change of a common key (mtu) and a kind key (a vxlan's remote) in one apply. The fake kernel refuses
 * IFLA_MTU beside IFLA_INFO_DATA for vxlan as vxlan_nl2conf does ("Cannot change mtu"); vlinkd sends the common
 * part first, on its own, then the kind's, and reverts them in two requests as well.
 */
class MixedChangeTest extends OverFakeKernel.WithRealKinds {
    @BeforeEach
    void setUp() throws Exception {
        assertThat(reconciler.apply(config(1400, "198.51.100.1")).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
    }

    private DesiredState config(int mtu, String remote) throws IOException {
        return Desired.fromYaml(dir, "interfaces:\n  - { name: vx42, kind: vxlan, mtu: " + mtu
                + ", vxlan: { id: 42, remote: " + remote + ", dstport: 4789 } }\n");
    }

    @Test
    void mtuAndRemoteTogetherAreTwoRequestsCommonFirst() throws Exception {
        DesiredState d = config(1450, "198.51.100.2");
        Plan plan = reconciler.plan(d);
        assertThat(plan.toIpCommands()).contains("ip link set dev vx42 mtu 1450\n"
                + "ip link set dev vx42 type vxlan remote 198.51.100.2\n");
        assertThat(plan.steps()).extracting(Step::operation)
                .contains("change mtu 1400 → 1450", "change remote 198.51.100.1 → 198.51.100.2");

        ApplyResult r = reconciler.apply(d);

        assertThat(r.errors()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(link(kernel, "vx42").mtu()).isEqualTo(1450);
        assertThat(reconciler.apply(d).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
    }

    @Test
    void aFailedKindChangeRevertsTheCommonOne() throws Exception {
        ObservedState.Snapshot before = kernel.observe().snapshot();
        DesiredState d = config(1450, "198.51.100.2");
        kernel.failWrite(2, Errno.EBUSY, "injected at the kind's change");

        ApplyResult r = reconciler.apply(d);

        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(r.errors().get(0).toString()).contains("change remote 198.51.100.1 → 198.51.100.2");
        assertThat(kernel.observe().snapshot()).isEqualTo(before);
        assertThat(link(kernel, "vx42").mtu()).isEqualTo(1400);
    }
}
