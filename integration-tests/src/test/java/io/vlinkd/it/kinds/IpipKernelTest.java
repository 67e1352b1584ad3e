package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.TunnelOptions.ip;
import static io.vlinkd.it.kinds.TunnelOptions.probed;
import static io.vlinkd.it.kinds.TunnelOptions.spec;
import static io.vlinkd.it.kinds.TunnelOptions.with;

import io.vlinkd.netlink.kind.tunnel.IpipKind;
import io.vlinkd.netlink.link.LinkSpec;
import org.junit.jupiter.api.Test;

/**
 * ipip on a real kernel. Changes pass whole specs: tunnel changelink resets what a request leaves out, which
 * {@link IpipKind#changeFrom} covers in the reconciler. The mode is create-only, but the kernel ignores a new
 * protocol rather than refusing it (ip_tunnel_update() does not copy it), so no refusal case exists for it.
 */
class IpipKernelTest {
    private static final IpipKind K = IpipKind.INSTANCE;
    private static final Object[] BASE = {"mode", "ipip", "local", ip("192.0.2.1"), "remote", ip("198.51.100.1"),
            "dev", "p0", "ttl", 64, "tos", "af41", "pmtudisc", true};

    @Test
    void createsChangesAndDeletesAPointToPointTunnel() throws Exception {
        KindHarness.run(probed(KindCase.create(LinkSpec.of("t0", K, spec(K, BASE))), "ipip", false)
                .setup("link add p0 type veth peer name p1")
                .expect("proto", "ipip").expect("local", "192.0.2.1").expect("remote", "198.51.100.1")
                .expect("link", "p0").expect("ttl", 64).expect("tos", "0x88").expect("pmtudisc", true)
                .changeInPlace(spec(K, with(BASE, "ttl", 32, "tos", "inherit")), "ttl", 32, "tos", "0x1")
                .changeInPlace(spec(K, with(BASE, "ttl", 32, "tos", "inherit", "local", ip("192.0.2.2"),
                        "remote", ip("198.51.100.2"))), "local", "192.0.2.2", "remote", "198.51.100.2"));
    }

    @Test
    void aMultipointTunnelCannotGainARemoteInPlace() throws Exception {
        Object[] multipoint = {"local", ip("192.0.2.1"), "ttl", 0, "pmtudisc", false};
        KindHarness.run(probed(KindCase.create(LinkSpec.of("t0", K, spec(K, multipoint))), "ipip", false)
                .expect("local", "192.0.2.1").expect("remote", "any").expect("pmtudisc", false)
                .refused(spec(K, with(multipoint, "remote", ip("198.51.100.1"))), "EINVAL"));
    }
}
