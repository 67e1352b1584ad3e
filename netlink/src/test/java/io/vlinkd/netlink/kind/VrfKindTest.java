package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.kind.VrfKind.VrfSpec;
import io.vlinkd.netlink.link.LinkSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VrfKindTest {
    private static final VrfKind VRF = VrfKind.INSTANCE;

    @Test
    void createWithTableMatchesIproute2() throws Exception {
        KindGolden.assertCreate("vrf/create-table-10.txt", LinkSpec.of("vrf-blue", VRF, new VrfSpec(Optional.of(10L))));
    }

    private static java.util.List<Problems.Problem> problems(Map<String, Object> values) {
        Problems p = new Problems();
        VRF.fromOptions(OptionValues.of(values), new LinkCommon("vrf-blue", Optional.empty(), Optional.empty()), p);
        return p.all();
    }

    @Test
    void aVrfNeedsATableOfItsOwn() {
        assertThat(problems(Map.of())).containsExactly(new Problems.Problem(null,
                "a vrf needs a table (vrf: { table: N })"));
        assertThat(problems(Map.of("table", 254L))).containsExactly(new Problems.Problem("table",
                "table 254 is the main table; a vrf needs a table of its own"));
        assertThat(problems(Map.of("table", 255L))).containsExactly(new Problems.Problem("table",
                "table 255 is the local table; a vrf needs a table of its own"));
        assertThat(problems(Map.of("table", 10L))).isEmpty();
    }

    @Test
    void aDifferentTableNeedsARecreate() {
        assertThat(VRF.differences(new VrfSpec(Optional.of(10L)), new VrfSpec(Optional.of(11L))))
                .containsExactly(new Difference("table", 10L, 11L, Option.Change.RECREATE, null));
        assertThat(VRF.differences(new VrfSpec(Optional.of(10L)), new VrfSpec(Optional.of(10L)))).isEmpty();
    }
}
