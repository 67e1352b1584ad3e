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
    private static final GreKind GRETAP = GretapKind.INSTANCE;

    private static GreHeader header(Long ikey, Long okey, boolean iseq, boolean oseq, boolean icsum, boolean ocsum) {
        return new GreHeader(Optional.ofNullable(ikey), Optional.ofNullable(okey), Optional.of(iseq),
                Optional.of(oseq), Optional.of(icsum), Optional.of(ocsum));
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

    @Test
    void gretapChangeSendsTheWholeSet() throws Exception {
        GreSpec merged = KindGolden.assertChangeSendsWholeSet(GoldenFixture.load("gretap/create-full.txt"), GRETAP,
                spec(GRETAP, Map.of("remote", ip("198.51.100.7"))));
        assertThat(merged.header().ikey()).contains(7L);
    }

    @Test
    void anEthernetTunnelChangesItsRemoteInPlaceEvenToNone() {
        GreSpec observed = spec(GRETAP, Map.of("local", ip("192.0.2.1")));
        assertThat(GRETAP.differences(spec(GRETAP, Map.of("remote", ip("198.51.100.2"))), observed))
                .extracting(Difference::change).containsExactly(Option.Change.IN_PLACE);
    }
}
