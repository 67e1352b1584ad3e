package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.KindGolden.ip;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.tunnel.GretapKind.GretapSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GretapKindTest {
    private static final GretapKind KIND = GretapKind.INSTANCE;

    @Test
    void createWithOnlyEndpointsMatchesIproute2() throws Exception {
        GoldenFixture f = GoldenFixture.load("gretap/create-basic.txt");
        GretapSpec s = spec(KIND, Map.of("local", ip("192.0.2.1"), "remote", ip("198.51.100.1")));
        KindGolden.assertCreatesWithIpArgs(f, KIND, s);
        assertThat(KindGolden.decoded(f, KIND).remote()).contains(ip("198.51.100.1"));
    }

    @Test
    void createWithEveryOptionMatchesIproute2() throws Exception {
        KindGolden.assertMatchesCapture("gretap/create-full.txt", KIND,
                Map.ofEntries(Map.entry("local", ip("192.0.2.1")),
                Map.entry("remote", ip("198.51.100.1")), Map.entry("dev", "p0"), Map.entry("ttl", 64L),
                Map.entry("tos", "cs6"), Map.entry("pmtudisc", false), Map.entry("key", 7L),
                Map.entry("iseq", true), Map.entry("icsum", true)),
                new GretapSpec(Optional.of(ip("192.0.2.1")),
                Optional.of(ip("198.51.100.1")), Optional.of("p0"), Optional.of(64), Optional.of(Inheritable.of(0xc0)),
                Optional.of(false), new GreHeader(Optional.of(7L), Optional.of(7L), Optional.of(true),
                Optional.of(false), Optional.of(true), Optional.of(false))));
    }

    @Test
    void changeSendsTheWholeSet() throws Exception {
        GretapSpec merged = KindGolden.assertChangeSendsWholeSet(GoldenFixture.load("gretap/create-full.txt"), KIND,
                spec(KIND, Map.of("remote", ip("198.51.100.7"))));
        assertThat(merged.header().ikey()).contains(7L);
    }

    @Test
    void anEthernetTunnelChangesItsRemoteInPlaceEvenToNone() {
        GretapSpec observed = spec(KIND, Map.of("local", ip("192.0.2.1")));
        assertThat(KIND.differences(spec(KIND, Map.of("remote", ip("198.51.100.2"))), observed))
                .extracting(Difference::change).containsExactly(Option.Change.IN_PLACE);
    }
}
