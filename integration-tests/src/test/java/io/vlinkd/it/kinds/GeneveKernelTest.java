package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.TunnelOptions.ip;
import static io.vlinkd.it.kinds.TunnelOptions.spec;
import static io.vlinkd.it.kinds.TunnelOptions.with;
import io.vlinkd.netlink.kind.GeneveKind;
import io.vlinkd.netlink.link.LinkSpec;
import org.junit.jupiter.api.Test;

/**
 * geneve on a real kernel (this machine's has none: the full-kernel lane): created as configured, the remote and ttl
 * changed in place, the VNI and dstport refused in place (why vlinkd re-creates for them). With packets:
 * GeneveOverlayKernelTest.
 */
class GeneveKernelTest {
    private static final GeneveKind K = GeneveKind.INSTANCE;
    private static final Object[] BASE = {"id", 42, "remote", ip("192.0.2.2"), "ttl", 64, "dstport", 6082};

    @Test
    void createsChangesAndDeletesATunnel() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("gnv0", K, spec(K, BASE))).probeArgs("id", "1", "remote",
                        "192.0.2.254")
                .expect("id", 42).expect("remote", "192.0.2.2").expect("ttl", 64).expect("port", 6082)
                .changeInPlace(spec(K, with(BASE, "remote", ip("192.0.2.3"), "ttl", 32)), "remote", "192.0.2.3",
                        "ttl", 32)
                .refused(spec(K, with(BASE, "id", 43)), "not supported")
                .refused(spec(K, with(BASE, "dstport", 6083)), "not supported"));
    }
}
