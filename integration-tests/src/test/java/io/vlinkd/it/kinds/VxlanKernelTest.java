package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.ConfigSpecs.partial;
import static io.vlinkd.it.kinds.ConfigSpecs.spec;

import io.vlinkd.netlink.kind.VxlanKind;
import io.vlinkd.netlink.link.LinkSpec;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class VxlanKernelTest {
    private static final VxlanKind K = VxlanKind.INSTANCE;
    private static final String[] PROBE = {"id", "1", "dstport", "4789"};
    private static final String PARENTS = "link add p0 type veth peer name p1";

    static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void ipv4UnicastWithEveryOption() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("vx0", K, spec(K, "id", 42, "local", ip("192.0.2.1"),
                        "remote", ip("192.0.2.2"), "dev", "p0", "dstport", 4789, "srcport", List.of(10000, 20000),
                        "ttl", 64, "tos", "inherit", "learning", false, "proxy", true, "l2miss", true, "l3miss", true,
                        "ageing", 120, "maxaddress", 100, "udpcsum", false)))
                .setup(PARENTS).probeArgs(PROBE)
                .expect("id", 42).expect("local", "192.0.2.1").expect("remote", "192.0.2.2").expect("link", "p0")
                .expect("port", 4789).expect("port_range/low", 10000).expect("port_range/high", 20000)
                .expect("ttl", 64).expect("tos", "0x1").expect("learning", false).expect("proxy", true)
                .expect("l2miss", true).expect("l3miss", true).expect("ageing", 120).expect("limit", 100)
                .expect("udp_csum", false)
                .changeInPlace(spec(K, "id", 42, "remote", ip("192.0.2.3"), "local", ip("192.0.2.9")),
                        "remote", "192.0.2.3", "local", "192.0.2.9")
                .changeInPlace(spec(K, "id", 42, "dev", "p1", "ttl", 10, "tos", 16), "link", "p1", "ttl", 10,
                        "tos", "0x10")
                .changeInPlace(spec(K, "id", 42, "learning", true, "ageing", 100), "learning", true, "ageing", 100)
                .changeInPlace(spec(K, "id", 42, "group", ip("239.1.1.1"), "dev", "p0"), "group", "239.1.1.1",
                        "remote", null, "link", "p0")
                .refused(partial(K, "id", 43), "Cannot change VNI")
                .refused(partial(K, "dstport", 4790), "Cannot change port")
                .refused(partial(K, "srcport", List.of(1000, 2000)), "Cannot change port range")
                .refused(partial(K, "maxaddress", 5), "Cannot change limit")
                .refused(partial(K, "proxy", false), "cannot change PROXY flag")
                .refused(partial(K, "l2miss", false), "cannot change L2MISS flag")
                .refused(partial(K, "l3miss", false), "cannot change L3MISS flag")
                .refused(partial(K, "udpcsum", true), "Cannot change UDP_CSUM flag")
                .refused(partial(K, "ttl", "inherit"), "cannot change TTL_INHERIT flag")
                .refused(partial(K, "local", ip("2001:db8::9")), "New local address family does not match old")
                .refused(partial(K, "external", true), "cannot change COLLECT_METADATA flag")
                .refused(partial(K, "gbp", true), "cannot change GBP flag"));
    }

    @Test
    void ipv6MulticastGroupWithTtlInherit() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("vx6", K, spec(K, "id", 43, "local", ip("2001:db8::1"),
                        "group", ip("ff05::100"), "dev", "p0", "dstport", 4789, "ttl", "inherit", "tos", 16,
                        "flowlabel", 74565, "udp6zerocsumtx", true, "udp6zerocsumrx", true, "gbp", true)))
                .setup(PARENTS).probeArgs(PROBE)
                .expect("id", 43).expect("local6", "2001:db8::1").expect("group6", "ff05::100")
                .expect("link", "p0").expect("label", "0x12345").expect("tos", "0x10")
                .expect("udp_zero_csum6_tx", true).expect("udp_zero_csum6_rx", true).expect("gbp", true)
                .changeInPlace(spec(K, "id", 43, "flowlabel", 9, "group", ip("ff05::200"), "dev", "p0"),
                        "label", "0x9", "group6", "ff05::200")
                .changeInPlace(spec(K, "id", 43, "remote", ip("2001:db8::2"), "local", ip("2001:db8::5")),
                        "remote6", "2001:db8::2", "group6", null, "local6", "2001:db8::5")
                .refused(partial(K, "remote", ip("192.0.2.2")), "New group address family does not match old")
                .refused(partial(K, "udp6zerocsumtx", false), "cannot change UDP_ZERO_CSUM6_TX flag")
                .refused(partial(K, "udp6zerocsumrx", false), "cannot change UDP_ZERO_CSUM6_RX flag"));
    }

    @Test
    void externalMetadataMode() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("vx0", K, spec(K, "external", true, "dstport", 4789)))
                .probeArgs(PROBE).expect("external", true)
                .refused(partial(K, "external", false), "cannot change COLLECT_METADATA flag"));
    }
}
