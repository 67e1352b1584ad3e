package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.TunnelOptions.ip;
import static io.vlinkd.it.kinds.TunnelOptions.probed;
import static io.vlinkd.it.kinds.TunnelOptions.spec;
import static io.vlinkd.it.kinds.TunnelOptions.with;

import io.vlinkd.netlink.kind.tunnel.GreKind;
import io.vlinkd.netlink.kind.tunnel.GretapKind;
import io.vlinkd.netlink.link.LinkSpec;
import org.junit.jupiter.api.Test;

/** gretap on a real kernel; changes pass whole specs (see {@link IpipKernelTest}). */
class GretapKernelTest {
    private static final GreKind K = GretapKind.INSTANCE;
    private static final Object[] BASE = {"local", ip("192.0.2.1"), "remote", ip("198.51.100.1"), "ttl", 64,
            "tos", "cs1", "pmtudisc", false, "ikey", 7, "okey", 8};

    @Test
    void createsChangesAndDeletesAGretapTunnel() throws Exception {
        KindHarness.run(probed(KindCase.create(LinkSpec.of("t0", K, spec(K, BASE))), "gretap", false)
                .expect("/linkinfo/info_kind", "gretap").expect("local", "192.0.2.1")
                .expect("remote", "198.51.100.1").expect("ttl", 64).expect("tos", "0x20").expect("pmtudisc", false)
                .expect("ikey", "0.0.0.7").expect("okey", "0.0.0.8")
                .changeInPlace(spec(K, with(BASE, "okey", 9, "pmtudisc", true)), "okey", "0.0.0.9",
                        "pmtudisc", true)
                .changeInPlace(spec(K, with(BASE, "okey", 9, "pmtudisc", true, "remote", ip("198.51.100.3"))),
                        "remote", "198.51.100.3"));
    }
}
