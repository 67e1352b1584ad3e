package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.TunnelOptions.ip;
import static io.vlinkd.it.kinds.TunnelOptions.probed;
import static io.vlinkd.it.kinds.TunnelOptions.spec;
import static io.vlinkd.it.kinds.TunnelOptions.with;

import io.vlinkd.netlink.kind.tunnel.Ip6tnlKind;
import io.vlinkd.netlink.link.LinkSpec;
import org.junit.jupiter.api.Test;

/** ip6tnl on a real kernel; changes pass whole specs (see {@link IpipKernelTest}). */
class Ip6tnlKernelTest {
    private static final Ip6tnlKind K = Ip6tnlKind.INSTANCE;
    private static final Object[] BASE = {"mode", "ip6ip6", "local", ip("2001:db8::1"), "remote", ip("2001:db8::2"),
            "dev", "p0", "hoplimit", 32, "encaplimit", 8, "tos", "af41", "flowlabel", 0x12345};

    @Test
    void createsChangesAndDeletesAnIp6tnlTunnelIncludingItsMode() throws Exception {
        KindHarness.run(probed(KindCase.create(LinkSpec.of("t0", K, spec(K, BASE))), "ip6tnl", true)
                .setup("link add p0 type veth peer name p1")
                .expect("proto", "ip6ip6").expect("local", "2001:db8::1").expect("remote", "2001:db8::2")
                .expect("link", "p0").expect("ttl", 32).expect("encap_limit", 8).expect("tclass", "0x88")
                .expect("flowlabel", "0x12345")
                .changeInPlace(spec(K, with(BASE, "mode", "ipip6")), "proto", "ipip6")
                .changeInPlace(spec(K, with(BASE, "mode", "any", "hoplimit", 1, "tos", "cs1")), "proto", "any",
                        "ttl", 1, "tclass", "0x20"));
    }
}
