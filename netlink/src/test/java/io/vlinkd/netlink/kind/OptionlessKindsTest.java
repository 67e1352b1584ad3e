package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.link.LinkSpec;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** ifb, nlmon, vcan and dummy: no options, no IFLA_INFO_DATA, nothing to change in place. */
class OptionlessKindsTest {

    static Stream<Arguments> createMatchesIproute2() {
        return Stream.of(Arguments.of("ifb/create.txt", "ifb0", OptionlessKind.IFB),
                Arguments.of("nlmon/create.txt", "nlmon0", OptionlessKind.NLMON),
                Arguments.of("vcan/create.txt", "vcan0", OptionlessKind.VCAN),
                Arguments.of("dummy/create.txt", "dummy0", OptionlessKind.DUMMY));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource
    void createMatchesIproute2(String capture, String name, OptionlessKind kind) throws Exception {
        KindGolden.assertCreate(capture, LinkSpec.of(name, kind, OptionlessKind.NONE));
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
