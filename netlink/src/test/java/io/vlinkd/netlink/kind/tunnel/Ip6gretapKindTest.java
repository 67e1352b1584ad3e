package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.KindGolden.ip;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.kind.tunnel.Ip6gretapKind.Ip6gretapSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Ip6gretapKindTest {
    private static final Ip6gretapKind KIND = Ip6gretapKind.INSTANCE;

    @Test
    void createWithOnlyEndpointsMatchesIproute2() throws Exception {
        GoldenFixture f = GoldenFixture.load("ip6gretap/create-basic.txt");
        Ip6gretapSpec s = spec(KIND, Map.of("local", ip("2001:db8::1"), "remote", ip("2001:db8::2")));
        KindGolden.assertCreatesWithIpArgs(f, KIND, s);
        assertThat(KindGolden.decoded(f, KIND).hoplimit()).contains(64);
    }

    @Test
    void createWithEveryOptionMatchesIproute2() throws Exception {
        KindGolden.assertMatchesCapture("ip6gretap/create-full.txt", KIND,
                Map.ofEntries(Map.entry("local", ip("2001:db8::1")),
                Map.entry("remote", ip("2001:db8::2")), Map.entry("dev", "p0"), Map.entry("hoplimit", 255L),
                Map.entry("tos", "cs1"), Map.entry("flowlabel", 0xfffffL), Map.entry("encaplimit", 0L),
                Map.entry("key", 9L), Map.entry("iseq", true), Map.entry("oseq", true), Map.entry("icsum", true),
                Map.entry("ocsum", true)),
                new Ip6gretapSpec(Optional.of(ip("2001:db8::1")),
                Optional.of(ip("2001:db8::2")), Optional.of("p0"), Optional.of(255), Optional.of(Inheritable.of(0x20)),
                Optional.of(Inheritable.of(0xfffff)), Optional.of(EncapLimit.of(0)), new GreHeader(Optional.of(9L),
                Optional.of(9L), Optional.of(true), Optional.of(true), Optional.of(true), Optional.of(true))));
    }

    @Test
    void changeSendsTheWholeSet() throws Exception {
        Ip6gretapSpec merged = KindGolden.assertChangeSendsWholeSet(GoldenFixture.load("ip6gretap/create-full.txt"),
                KIND, spec(KIND, Map.of("hoplimit", 1L)));
        assertThat(merged.header().ikey()).contains(9L);
        assertThat(merged.hoplimit()).contains(1);
    }
}
