package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.link.LinkSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** ifb, nlmon, vcan and dummy: no options, no IFLA_INFO_DATA, nothing to change in place. */
class OptionlessKindsTest {

    @Test
    void ifbCreateMatchesIproute2() throws Exception {
        KindGolden.assertCreate("ifb/create.txt", LinkSpec.of("ifb0", OptionlessKind.IFB, OptionlessKind.NONE));
    }

    @Test
    void nlmonCreateMatchesIproute2() throws Exception {
        KindGolden.assertCreate("nlmon/create.txt",
                LinkSpec.of("nlmon0", OptionlessKind.NLMON, OptionlessKind.NONE));
    }

    @Test
    void vcanCreateMatchesIproute2() throws Exception {
        KindGolden.assertCreate("vcan/create.txt", LinkSpec.of("vcan0", OptionlessKind.VCAN, OptionlessKind.NONE));
    }

    @Test
    void dummyCreateMatchesIproute2() throws Exception {
        KindGolden.assertCreate("dummy/create.txt",
                LinkSpec.of("dummy0", OptionlessKind.DUMMY, OptionlessKind.NONE));
    }

    @Test
    void noOptionsMeansNoProblemsAndNoDifferences() {
        for (LinkKind<?> k : java.util.List.of(OptionlessKind.IFB, OptionlessKind.NLMON, OptionlessKind.VCAN,
                OptionlessKind.DUMMY)) {
            assertNothingToSay(k);
        }
    }

    private static <S extends KindSpec> void assertNothingToSay(LinkKind<S> kind) {
        Problems p = new Problems();
        S spec = kind.fromOptions(OptionValues.of(Map.of()), new LinkCommon("x", Optional.empty(), Optional.empty()),
                p);
        assertThat(p.isEmpty()).as(kind.name()).isTrue();
        assertThat(kind.options()).as(kind.name()).isEmpty();
        assertThat(kind.differences(spec, spec)).as(kind.name()).isEmpty();
        assertThat(kind.writesInfoData(spec)).as(kind.name()).isFalse();
    }

    @Test
    void everyKindOfThisBranchIsRegisteredOnce() {
        assertThat(LinkKinds.names()).contains("macvlan", "macvtap", "ipvlan", "ipvtap", "bond", "team", "ifb",
                "nlmon", "vcan", "dummy", "vrf");
        assertThat(LinkKinds.byName("macvtap")).containsSame(MacvtapKind.INSTANCE);
        assertThat(LinkKinds.byName("ipvtap")).containsSame(IpvtapKind.INSTANCE);
    }
}
