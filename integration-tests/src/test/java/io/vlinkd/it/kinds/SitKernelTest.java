package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.TunnelOptions.ip;
import static io.vlinkd.it.kinds.TunnelOptions.probed;
import static io.vlinkd.it.kinds.TunnelOptions.spec;
import static io.vlinkd.it.kinds.TunnelOptions.with;

import io.vlinkd.netlink.kind.tunnel.IpipKind;
import io.vlinkd.netlink.kind.tunnel.SitKind;
import io.vlinkd.netlink.link.LinkSpec;
import org.junit.jupiter.api.Test;

/** sit on a real kernel; changes pass whole specs (see {@link IpipKernelTest}). */
class SitKernelTest {
    private static final IpipKind K = SitKind.INSTANCE;
    private static final Object[] BASE = {"mode", "ip6ip", "local", ip("192.0.2.1"), "remote", ip("198.51.100.1"),
            "ttl", 64, "tos", "cs6", "pmtudisc", true};

    @Test
    void createsChangesAndDeletesASitTunnel() throws Exception {
        KindHarness.run(probed(KindCase.create(LinkSpec.of("t0", K, spec(K, BASE))), "sit", false)
                .expect("proto", "ip6ip").expect("local", "192.0.2.1").expect("remote", "198.51.100.1")
                .expect("ttl", 64).expect("tos", "0xc0").expect("pmtudisc", true)
                .changeInPlace(spec(K, with(BASE, "ttl", 10, "remote", ip("198.51.100.9"))), "ttl", 10,
                        "remote", "198.51.100.9"));
    }

    @Test
    void aMultipointSitTunnelCannotGainARemoteInPlace() throws Exception {
        Object[] multipoint = {"mode", "ip6ip", "local", ip("192.0.2.1")};
        KindHarness.run(probed(KindCase.create(LinkSpec.of("t0", K, spec(K, multipoint))), "sit", false)
                .expect("remote", "any")
                .refused(spec(K, with(multipoint, "remote", ip("198.51.100.1"))), "EINVAL"));
    }
}
