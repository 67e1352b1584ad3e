package io.vlinkd.it.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.kind.VxcanKind;
import io.vlinkd.netlink.kind.VxcanSpec;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.socket.NetlinkSocket;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class VxcanKernelTest {
    private static final String NO_VXCAN = "this kernel has no vxcan: runs in the full-kernel lane";

    @Test
    void createsThePairAsOneUnitAndDeletesBothEnds() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("vxcan0", VxcanKind.INSTANCE,
                        VxcanSpec.of("vxcan1", Optional.empty())))
                .expect("/link", "vxcan1").expect("/link_type", "can")
                .refused(VxcanSpec.of("vxcan9", Optional.empty()), "EOPNOTSUPP")
                .goneWithIt("vxcan1"));
    }

    @Test
    void createsThePeerInANamedNamespace() throws Exception {
        Assumptions.assumeTrue(TestNamespace.available(), "needs root and ip netns");
        try (TestNamespace ns = TestNamespace.create(); TestNamespace other = TestNamespace.create()) {
            Assumptions.assumeTrue(ns.supportsKind("vxcan"), NO_VXCAN);
            try (NetlinkSocket sock = KindHarness.open(ns)) {
                LinkSpec spec = LinkSpec.of("vxcan0", VxcanKind.INSTANCE,
                        VxcanSpec.of("vxcan1", Optional.of(other.name())));
                KindHarness.create(ns, sock, spec);
                assertThat(ns.link("vxcan1")).as("the peer is not in the first namespace").isNull();
                KindHarness.assertFields(other, "vxcan1", Map.of("/link_type", "can"));
                VxcanSpec observed = (VxcanSpec) KindHarness.assertNoDifference(ns, sock, spec);
                assertThat(observed.peerNetnsId()).isPresent();
                KindHarness.delete(ns, sock, "vxcan0");
                assertThat(other.link("vxcan1")).as("the peer goes with vxcan0").isNull();
            }
        }
    }
}
