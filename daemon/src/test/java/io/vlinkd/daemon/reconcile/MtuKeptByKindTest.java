package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kinds whose kernel code sets the MTU itself (MixedChangeKernelTest found both on 6.1): vti6's changelink sets it
 * from its lower device unless the request carries IFLA_MTU, so every change of its options carries the MTU to keep,
 * in one request; macsec's newlink ignores IFLA_MTU, so a configured mtu is set again after the create.
 */
class MtuKeptByKindTest extends OverFakeKernel.WithRealKinds {
    private static String vti6(int mtu, String remote) {
        return "interfaces:\n  - { name: k0, kind: vti6, mtu: " + mtu + ", vti6: { local: 2001:db8::1, remote: "
                + remote + " } }\n";
    }

    private List<String> changes(String yaml) throws Exception {
        return reconciler.plan(config(yaml)).steps().stream().filter(s -> s instanceof Step.ChangeLink)
                .map(Step::ipCommand).toList();
    }

    @Test
    void aVti6ChangeCarriesTheMtuInOneRequest() throws Exception {
        assertThat(reconciler.apply(config(vti6(1300, "2001:db8::2"))).outcome())
                .isEqualTo(ApplyResult.Outcome.APPLIED);

        assertThat(changes(vti6(1300, "2001:db8::3"))).singleElement().asString()
                .startsWith("ip link set dev k0 mtu 1300 type vti6").contains("remote 2001:db8::3");
        assertThat(changes(vti6(1280, "2001:db8::3"))).singleElement().asString()
                .startsWith("ip link set dev k0 mtu 1280 type vti6").contains("remote 2001:db8::3");
    }

    @Test
    void aMacsecMtuIsSetAgainAfterTheCreate() throws Exception {
        String yaml = "interfaces:\n  - { name: p0, kind: veth, veth: { peer: p1 } }\n"
                + "  - { name: k0, kind: macsec, link: p0, mtu: 1400, macsec: { port: 11 } }\n";
        assertThat(reconciler.plan(config(yaml)).toIpCommands()).contains("ip link set dev k0 mtu 1400\n");
        assertThat(reconciler.apply(config(yaml)).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(reconciler.apply(config(yaml)).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
    }
}
