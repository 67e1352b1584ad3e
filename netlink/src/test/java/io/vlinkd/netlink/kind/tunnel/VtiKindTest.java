package io.vlinkd.netlink.kind.tunnel;

import static io.vlinkd.netlink.kind.tunnel.KindGolden.ip;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.problems;
import static io.vlinkd.netlink.kind.tunnel.KindGolden.spec;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.Problems.Problem;
import io.vlinkd.netlink.kind.tunnel.VtiKind.VtiSpec;
import io.vlinkd.netlink.link.LinkSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VtiKindTest {
    private static final VtiKind VTI = VtiKind.INSTANCE;
    private static final VtiKind VTI6 = Vti6Kind.INSTANCE;

    @Test
    void vtiKeyAsDottedQuadMatchesIproute2() throws Exception {
        GoldenFixture f = GoldenFixture.load("vti/create-key.txt");
        VtiSpec s = spec(VTI, Map.of("remote", ip("198.51.100.1"), "key", ip("0.0.1.0")));
        assertThat(VTI.ipArgs(s)).containsExactly("remote", "198.51.100.1", "key", "256");
        KindGolden.assertCreates(f, LinkSpec.of("t0", VTI, s));
    }

    @Test
    void changeSendsTheWholeSet() throws Exception {
        VtiSpec merged = KindGolden.assertChangeSendsWholeSet(GoldenFixture.load("vti/create-full.txt"), VTI,
                spec(VTI, Map.of("okey", 21L)));
        assertThat(merged.ikey()).contains(10L);
        VtiSpec merged6 = KindGolden.assertChangeSendsWholeSet(GoldenFixture.load("vti6/create-full.txt"), VTI6,
                spec(VTI6, Map.of("local", ip("2001:db8::7"))));
        assertThat(merged6.okey()).contains(5L);
    }

    @Test
    void keyAndOkeyAreExclusive() {
        assertThat(problems(VTI6, Map.of("key", 1L, "okey", 2L))).containsExactly(new Problem("key",
                "key sets both ikey and okey; give either key or ikey/okey, not both"));
    }

    @Test
    void vtiRemoteFromNoneRecreatesButVti6ChangesInPlace() {
        assertThat(VTI.differences(spec(VTI, Map.of("remote", ip("198.51.100.1"))), spec(VTI, Map.of())))
                .extracting(Difference::change).containsExactly(Option.Change.RECREATE);
        assertThat(VTI6.differences(spec(VTI6, Map.of("remote", ip("2001:db8::2"))), spec(VTI6, Map.of())))
                .extracting(Difference::change).containsExactly(Option.Change.IN_PLACE);
    }
}
