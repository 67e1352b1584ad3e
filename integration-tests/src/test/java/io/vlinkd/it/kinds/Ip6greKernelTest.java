package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.TunnelOptions.ip;
import static io.vlinkd.it.kinds.TunnelOptions.probed;
import static io.vlinkd.it.kinds.TunnelOptions.spec;
import static io.vlinkd.it.kinds.TunnelOptions.with;

import io.vlinkd.netlink.kind.tunnel.Ip6greKind;
import io.vlinkd.netlink.kind.tunnel.Ip6gretapKind;
import io.vlinkd.netlink.link.LinkSpec;
import org.junit.jupiter.api.Test;

/** ip6gre and ip6gretap on a real kernel; changes pass whole specs (see {@link IpipKernelTest}). */
class Ip6greKernelTest {
    private static final Object[] BASE = {"local", ip("2001:db8::1"), "remote", ip("2001:db8::2"), "dev", "p0",
            "hoplimit", 32, "tos", "af41", "flowlabel", 0x12345, "encaplimit", 8, "key", 5};

    @Test
    void createsChangesAndDeletesAnIp6greTunnel() throws Exception {
        Ip6greKind k = Ip6greKind.INSTANCE;
        KindHarness.run(probed(KindCase.create(LinkSpec.of("t0", k, spec(k, BASE))), "ip6gre", true)
                .setup("link add p0 type veth peer name p1")
                .expect("local", "2001:db8::1").expect("remote", "2001:db8::2").expect("link", "p0")
                .expect("ttl", 32).expect("encap_limit", 8).expect("tclass", "0x88").expect("flowlabel", "0x12345")
                .expect("ikey", "0.0.0.5").expect("okey", "0.0.0.5")
                .changeInPlace(spec(k, with(BASE, "hoplimit", 16, "flowlabel", 0x1)), "ttl", 16,
                        "flowlabel", "0x00001")
                .changeInPlace(spec(k, with(BASE, "hoplimit", 16, "flowlabel", 0x1, "remote", ip("2001:db8::3"),
                        "okey", 6, "ikey", 5, "key", null)), "remote", "2001:db8::3", "okey", "0.0.0.6"));
    }

    @Test
    void createsChangesAndDeletesAnIp6gretapTunnel() throws Exception {
        Ip6greKind k = Ip6gretapKind.INSTANCE;
        KindHarness.run(probed(KindCase.create(LinkSpec.of("t0", k, spec(k, BASE))), "ip6gretap", true)
                .setup("link add p0 type veth peer name p1")
                .expect("/linkinfo/info_kind", "ip6gretap").expect("remote", "2001:db8::2").expect("ttl", 32)
                .expect("tclass", "0x88")
                .changeInPlace(spec(k, with(BASE, "tos", "cs1")), "tclass", "0x20"));
    }
}
