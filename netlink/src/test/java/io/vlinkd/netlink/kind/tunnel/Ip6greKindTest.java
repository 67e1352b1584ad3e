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
    private static final Ip6greKind GRETAP6 = Ip6gretapKind.INSTANCE;

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

    @Test
    void ip6gretapChangeSendsTheWholeSet() throws Exception {
        Ip6greSpec merged = KindGolden.assertChangeSendsWholeSet(GoldenFixture.load("ip6gretap/create-full.txt"),
                GRETAP6, spec(GRETAP6, Map.of("hoplimit", 1L)));
        assertThat(merged.header().ikey()).contains(9L);
        assertThat(merged.hoplimit()).contains(1);
    }
}
