package io.vlinkd.it.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.kind.VethKind;
import io.vlinkd.netlink.kind.VethSpec;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.wire.MacAddress;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class VethKernelTest {
    private static final MacAddress MAC = MacAddress.parse("02:00:00:00:00:01");
    private static final MacAddress PEER_MAC = MacAddress.parse("02:00:00:00:00:02");

    @Test
    void createsThePairAsOneUnitAndDeletesBothEnds() throws Exception {
        VethSpec spec = VethSpec.of("v1", Optional.of(PEER_MAC), Optional.empty());
        KindHarness.run(KindCase.create(LinkSpec.of("v0", VethKind.INSTANCE, spec).withMac(MAC).withMtu(1400))
                .expect("/link", "v1").expect("/address", MAC).expect("/mtu", 1400)
                .refused(VethSpec.of("v9", Optional.empty(), Optional.empty()), "EOPNOTSUPP")
                .goneWithIt("v1"));
    }

    @Test
    void peerGetsItsMacAndAChangeOfMtuLeavesTheVethDataOut() throws Exception {
        Assumptions.assumeTrue(TestNamespace.available(), "needs root and ip netns");
        try (TestNamespace ns = TestNamespace.create(); NetlinkSocket sock = KindHarness.open(ns)) {
            LinkSpec spec = LinkSpec.of("v0", VethKind.INSTANCE,
                    VethSpec.of("v1", Optional.of(PEER_MAC), Optional.empty()));
            KindHarness.create(ns, sock, spec);
            KindHarness.assertFields(ns, "v1", Map.of("/address", PEER_MAC, "/link", "v0"));
            // veth has no changelink: any IFLA_INFO_DATA would be refused, so this passes only without it.
            KindHarness.change(ns, sock, spec.withMtu(1280));
            KindHarness.assertFields(ns, "v0", Map.of("/mtu", 1280));
            KindHarness.delete(ns, sock, "v1");
            assertThat(ns.link("v0")).as("v0 goes with v1").isNull();
        }
    }

    @Test
    void createsThePeerInANamedNamespace() throws Exception {
        Assumptions.assumeTrue(TestNamespace.available(), "needs root and ip netns");
        try (TestNamespace ns = TestNamespace.create(); TestNamespace other = TestNamespace.create();
             NetlinkSocket sock = KindHarness.open(ns)) {
            LinkSpec spec = LinkSpec.of("v0", VethKind.INSTANCE,
                    VethSpec.of("v1", Optional.of(PEER_MAC), Optional.of(other.name())));
            KindHarness.create(ns, sock, spec);
            assertThat(ns.link("v1")).as("the peer is not in the first namespace").isNull();
            KindHarness.assertFields(other, "v1", Map.of("/address", PEER_MAC));
            assertThat(ns.link("v0").has("link_netnsid")).as("ip shows the peer elsewhere").isTrue();
            VethSpec observed = (VethSpec) KindHarness.assertNoDifference(ns, sock, spec);
            assertThat(observed.peer()).as("the peer's name is not observable from this end").isEmpty();
            assertThat(observed.peerNetnsId()).isPresent();
            KindHarness.delete(ns, sock, "v0");
            assertThat(other.link("v1")).as("the peer goes with v0").isNull();
        }
    }
}
