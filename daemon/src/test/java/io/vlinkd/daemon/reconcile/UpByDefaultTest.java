package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.ReconcileChecks.link;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkRequests;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 12.5: from YAML to the kernel, an interface vlinkd creates is up unless its entry says state: down. */
class UpByDefaultTest extends OverFakeKernel.WithRealKinds {
    @Test
    void aCreatedLinkWithoutStateIsCreatedUpAndStateDownKeepsItDown() throws Exception {
        DesiredState d = config("""
                interfaces:
                  - { name: d0, kind: dummy }
                  - { name: d1, kind: dummy, state: down }
                  - { name: v0, kind: veth, veth: { peer: v0p } }
                  - { name: v0p, mtu: 1400 }
                """);
        Plan plan = reconciler.plan(d);
        assertThat(plan.toIpCommands()).contains("ip link add d0 up type dummy").contains("ip link add d1 type dummy")
                .contains("ip link set dev v0p up");

        assertThat(reconciler.apply(d).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(link(kernel, "d0").up()).isTrue();
        assertThat(link(kernel, "d1").up()).isFalse();
        assertThat(link(kernel, "v0").up()).isTrue();
        assertThat(link(kernel, "v0p").up()).isTrue();
    }

    @Test
    void aLinkVlinkdCreatedAndSomeoneSetDownIsSetUpAgain() throws Exception {
        DesiredState d = config("interfaces:\n  - { name: d0, kind: dummy }\n");
        reconciler.apply(d);
        kernel.apply(List.of(LinkRequests.setState(link(kernel, "d0").index(), "d0", AdminState.DOWN)));
        assertThat(link(kernel, "d0").up()).isFalse();
        Plan plan = reconciler.plan(d);
        assertThat(plan.toIpCommands()).contains("ip link set dev d0 up");
    }

    @Test
    void anExistingInterfaceWithoutStateKeepsItsStateAndStateIsAppliedWhenGiven() throws Exception {
        kernel.addForeignLink("eth0", null, null, false);
        kernel.addForeignLink("eth1", null, null, true);
        kernel.addForeignLink("eth2", null, null, false);
        DesiredState d = config("""
                interfaces:
                  - { name: eth0, addresses: [192.0.2.1/24] }
                  - { name: eth1, mtu: 1400 }
                  - { name: eth2, state: up }
                """);
        assertThat(reconciler.apply(d).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(link(kernel, "eth0").up()).isFalse();
        assertThat(link(kernel, "eth1").up()).isTrue();
        assertThat(link(kernel, "eth2").up()).isTrue();
    }
}
