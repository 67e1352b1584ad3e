package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.KindGolden.ip;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.tunnel.Ip6greKind.Ip6greSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class Ip6greKindTest {
    private static final Ip6greKind KIND = Ip6greKind.INSTANCE;

    @Test
    void createWithOnlyEndpointsMatchesIproute2AndItsDefaults() throws Exception {
        KindGolden.assertMatchesCapture("ip6gre/create-basic.txt", KIND,
                Map.of("local", ip("2001:db8::1"), "remote", ip("2001:db8::2")),
                new Ip6greSpec(Optional.of(ip("2001:db8::1")), Optional.of(ip("2001:db8::2")),
                Optional.empty(), Optional.of(64), Optional.of(Inheritable.of(0)), Optional.of(Inheritable.of(0)),
                Optional.of(EncapLimit.of(4)), new GreHeader(Optional.empty(), Optional.empty(), Optional.of(false),
                Optional.of(false), Optional.of(false), Optional.of(false))));
    }

    @Test
    void createWithEveryOptionMatchesIproute2() throws Exception {
        KindGolden.assertMatchesCapture("ip6gre/create-full.txt", KIND,
                Map.ofEntries(Map.entry("local", ip("2001:db8::1")),
                Map.entry("remote", ip("2001:db8::2")), Map.entry("dev", "p0"), Map.entry("hoplimit", 32L),
                Map.entry("tos", "af41"), Map.entry("flowlabel", 0x12345L), Map.entry("encaplimit", 8L),
                Map.entry("ikey", 1L), Map.entry("okey", 2L), Map.entry("oseq", true), Map.entry("ocsum", true)),
                new Ip6greSpec(Optional.of(ip("2001:db8::1")), Optional.of(ip("2001:db8::2")),
                Optional.of("p0"), Optional.of(32), Optional.of(Inheritable.of(0x88)),
                Optional.of(Inheritable.of(0x12345)), Optional.of(EncapLimit.of(8)), new GreHeader(Optional.of(1L),
                Optional.of(2L), Optional.of(false), Optional.of(true), Optional.of(false), Optional.of(true))));
    }

    @Test
    void inheritAndNoneAreFlagsAsIproute2SendsThem() throws Exception {
        GoldenFixture f = GoldenFixture.load("ip6gre/create-inherit.txt");
        Ip6greSpec s = spec(KIND, Map.of("local", ip("2001:db8::1"), "remote", ip("2001:db8::2"), "hoplimit",
                "inherit", "tos", "inherit", "flowlabel", "inherit", "encaplimit", "none"));
        assertThat(KIND.ipArgs(s)).containsSequence("hoplimit", "0");
        KindGolden.assertCreatesWithIpArgs(f, KIND, s);
        Ip6greSpec d = KindGolden.decoded(f, KIND);
        assertThat(d.tos()).contains(Inheritable.INHERIT);
        assertThat(d.flowlabel()).contains(Inheritable.INHERIT);
        assertThat(d.encaplimit()).contains(EncapLimit.NONE);
        assertThat(d.hoplimit()).contains(0);
    }

    @Test
    void changeSendsTheWholeSetAndChangesEverythingInPlace() throws Exception {
        Ip6greSpec merged = KindGolden.assertChangeSendsWholeSet(GoldenFixture.load("ip6gre/create-full.txt"), KIND,
                spec(KIND, Map.of("flowlabel", "inherit")));
        assertThat(merged.tos()).contains(Inheritable.of(0x88));
        assertThat(KIND.differences(spec(KIND, Map.of("remote", ip("2001:db8::9"), "encaplimit", "none")),
                KindGolden.decoded(GoldenFixture.load("ip6gre/create-full.txt"), KIND)))
                .extracting(Difference::change).containsOnly(Option.Change.IN_PLACE).hasSize(2);
    }
}
