package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.KindGolden.ip;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.problems;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.Problems.Problem;
import io.vlinkd.netlink.kind.tunnel.GreKind.GreSpec;
import io.vlinkd.netlink.link.LinkSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GreKindTest {
    private static final GreKind KIND = GreKind.INSTANCE;

    private static GreHeader header(Long ikey, Long okey, boolean iseq, boolean oseq, boolean icsum, boolean ocsum) {
        return new GreHeader(Optional.ofNullable(ikey), Optional.ofNullable(okey), Optional.of(iseq),
                Optional.of(oseq), Optional.of(icsum), Optional.of(ocsum));
    }

    @Test
    void createWithOnlyEndpointsMatchesIproute2AndItsDefaults() throws Exception {
        KindGolden.assertMatchesCapture("gre/create-basic.txt", KIND,
                Map.of("local", ip("192.0.2.1"), "remote", ip("198.51.100.1")),
                new GreSpec(Optional.of(ip("192.0.2.1")), Optional.of(ip("198.51.100.1")),
                Optional.empty(), Optional.of(0), Optional.of(Inheritable.of(0)), Optional.of(true),
                header(null, null, false, false, false, false)));
    }

    @Test
    void createWithEveryOptionMatchesIproute2() throws Exception {
        KindGolden.assertMatchesCapture("gre/create-full.txt", KIND,
                Map.ofEntries(Map.entry("local", ip("192.0.2.1")),
                Map.entry("remote", ip("198.51.100.1")), Map.entry("dev", "p0"), Map.entry("ttl", 64L),
                Map.entry("tos", "af41"), Map.entry("pmtudisc", true), Map.entry("ikey", 10L),
                Map.entry("okey", 20L), Map.entry("iseq", true), Map.entry("oseq", true), Map.entry("icsum", true),
                Map.entry("ocsum", true)),
                new GreSpec(Optional.of(ip("192.0.2.1")), Optional.of(ip("198.51.100.1")),
                Optional.of("p0"), Optional.of(64), Optional.of(Inheritable.of(0x88)), Optional.of(true),
                header(10L, 20L, true, true, true, true)));
    }

    @Test
    void keySetsBothKeysAndTosInherit() throws Exception {
        GoldenFixture f = GoldenFixture.load("gre/create-key.txt");
        GreSpec s = spec(KIND, Map.of("local", ip("192.0.2.1"), "remote", ip("198.51.100.1"), "tos", "inherit",
                "key", 42L));
        KindGolden.assertCreatesWithIpArgs(f, KIND, s);
        assertThat(KindGolden.decoded(f, KIND).header().ikey()).contains(42L);
        assertThat(KindGolden.decoded(f, KIND).tos()).contains(Inheritable.INHERIT);
    }

    @Test
    void dottedQuadKeysAreTheirNumbers() throws Exception {
        GoldenFixture f = GoldenFixture.load("gre/create-dotted-key.txt");
        GreSpec s = spec(KIND, Map.of("remote", ip("198.51.100.1"), "ikey", ip("0.0.1.0"), "okey", ip("1.2.3.4")));
        assertThat(s.header().ikey()).contains(256L);
        assertThat(s.header().okey()).contains(0x01020304L);
        KindGolden.assertCreates(f, LinkSpec.of("t0", KIND, s));
    }

    @Test
    void aMulticastRemoteGetsTheGroupAsKeyAsIproute2Does() throws Exception {
        GoldenFixture f = GoldenFixture.load("gre/create-multicast.txt");
        GreSpec s = spec(KIND, Map.of("local", ip("192.0.2.1"), "remote", ip("239.1.1.1"), "ttl", 16L));
        KindGolden.assertCreatesWithIpArgs(f, KIND, s);
        assertThat(KindGolden.decoded(f, KIND).header().ikey()).contains(0xef010101L);
    }

    @Test
    void aMulticastRemoteNeedsALocalAddress() {
        assertThat(problems(KIND, Map.of("remote", ip("239.1.1.1")))).containsExactly(new Problem("remote",
                "a multicast remote (239.1.1.1) makes a broadcast tunnel, which needs a local address"));
    }

    @Test
    void keyAndIkeyAreExclusive() {
        assertThat(problems(KIND, Map.of("key", 1L, "ikey", 2L))).containsExactly(new Problem("key",
                "key sets both ikey and okey; give either key or ikey/okey, not both"));
    }

    @Test
    void changeSendsTheWholeSetWithTheKernelsValuesForUnmanagedOptions() throws Exception {
        GreSpec merged = KindGolden.assertChangeSendsWholeSet(GoldenFixture.load("gre/create-full.txt"), KIND,
                spec(KIND, Map.of("okey", 99L, "ocsum", false)));
        assertThat(merged.header().okey()).contains(99L);
        assertThat(merged.header().ikey()).contains(10L);
        assertThat(merged.header().ocsum()).contains(false);
        assertThat(merged.ttl()).contains(64);
    }

    @Test
    void classifiesKeysInPlaceAndUnicastToMulticastAsRecreate() {
        GreSpec observed = spec(KIND, Map.of("local", ip("192.0.2.1"), "remote", ip("198.51.100.1"), "key", 1L));
        assertThat(KIND.differences(spec(KIND, Map.of("key", 1L)), observed)).isEmpty();
        assertThat(KIND.differences(spec(KIND, Map.of("key", 2L, "ttl", 9L)), observed))
                .extracting(Difference::key, Difference::change).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ttl", Option.Change.IN_PLACE),
                        org.assertj.core.groups.Tuple.tuple("ikey", Option.Change.IN_PLACE),
                        org.assertj.core.groups.Tuple.tuple("okey", Option.Change.IN_PLACE));
        Difference d = KIND.differences(spec(KIND, Map.of("local", ip("192.0.2.1"), "remote", ip("239.1.1.1"))),
                observed).get(0);
        assertThat(d.change()).isEqualTo(Option.Change.RECREATE);
        assertThat(d.reason()).isEqualTo("the kernel does not turn a point-to-point tunnel into a broadcast one in"
                + " place (changelink: EINVAL)");
    }
}
