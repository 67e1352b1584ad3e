package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.TunnelOptions.ip;
import static io.vlinkd.it.kinds.TunnelOptions.probed;
import static io.vlinkd.it.kinds.TunnelOptions.spec;
import static io.vlinkd.it.kinds.TunnelOptions.with;

import io.vlinkd.netlink.kind.tunnel.GreKind;
import io.vlinkd.netlink.link.LinkSpec;
import org.junit.jupiter.api.Test;

/** gre on a real kernel; changes pass whole specs (see {@link IpipKernelTest}). */
class GreKernelTest {
    private static final GreKind K = GreKind.INSTANCE;
    private static final Object[] BASE = {"local", ip("192.0.2.1"), "remote", ip("198.51.100.1"), "dev", "p0",
            "ttl", 64, "tos", "af41", "pmtudisc", true, "key", 42, "iseq", false, "oseq", true, "icsum", true,
            "ocsum", false};

    @Test
    void createsChangesAndDeletesAGreTunnel() throws Exception {
        KindHarness.run(probed(KindCase.create(LinkSpec.of("t0", K, spec(K, BASE))), "gre", false)
                .setup("link add p0 type veth peer name p1")
                .expect("local", "192.0.2.1").expect("remote", "198.51.100.1").expect("link", "p0")
                .expect("ttl", 64).expect("tos", "0x88").expect("pmtudisc", true)
                .expect("ikey", "0.0.0.42").expect("okey", "0.0.0.42")
                .expect("oseq", true).expect("icsum", true)
                .changeInPlace(spec(K, with(BASE, "key", 43, "ttl", 10)), "ikey", "0.0.0.43", "okey", "0.0.0.43",
                        "ttl", 10)
                .changeInPlace(spec(K, with(BASE, "key", 43, "ttl", 10, "iseq", true, "ocsum", true,
                        "remote", ip("198.51.100.2"))), "iseq", true, "ocsum", true, "remote", "198.51.100.2"));
    }

    @Test
    void aMultipointGreTunnelCannotGainARemoteInPlace() throws Exception {
        Object[] multipoint = {"local", ip("192.0.2.1"), "key", 1};
        KindHarness.run(probed(KindCase.create(LinkSpec.of("t0", K, spec(K, multipoint))), "gre", false)
                .expect("remote", "any")
                .refused(spec(K, with(multipoint, "remote", ip("198.51.100.1"))), "EINVAL"));
    }
}
