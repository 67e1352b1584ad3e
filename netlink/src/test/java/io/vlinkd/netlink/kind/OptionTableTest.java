package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.kind.tunnel.GreHeader;
import io.vlinkd.netlink.kind.tunnel.GreKind;
import io.vlinkd.netlink.kind.tunnel.GreKind.GreSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the generic code derives from an option table: restrict and withOption work on the spec record itself. */
class OptionTableTest {

    @Test
    void everyKindBindsItsOptionsToItsSpec() {
        // The binding is built in AbstractLinkKind's constructor and fails there; restrict walks every option.
        LinkCommon common = new LinkCommon("x0", Optional.of("p0"), Optional.empty());
        for (LinkKind<?> k : LinkKinds.all()) {
            TypedSpec<?> t = k.typed(k.fromOptions(OptionValues.empty(), common, new Problems()));
            List<String> keys = k.options().stream().map(Option::key).toList();
            assertThat((Object) t.restrict(keys)).as(k.name()).isEqualTo(t.spec());
        }
        assertThat(OptionTable.camel("arp-ip-target")).isEqualTo("arpIpTarget");
    }

    @Test
    void restrictKeepsOnlyTheGivenOptionsAndEveryFieldOfEach() {
        VxlanSpec s = VxlanKindTest.fromConfig("id", 42, "ttl", "inherit", "learning", false, "dev", "p0");
        VxlanSpec r = VxlanKind.INSTANCE.restrict(s, List.of("ttl", "learning"));
        assertThat(VxlanKind.INSTANCE.toOptions(r).asMap()).containsExactly(
                java.util.Map.entry("ttl", "inherit"), java.util.Map.entry("learning", false));
        assertThat(r.ttlInherit()).contains(true);
        assertThat(r.id()).isEmpty();
    }

    @Test
    void restrictReachesIntoAGroupOfOptions() {
        GreSpec s = new GreSpec(Optional.empty(), Optional.empty(), Optional.of("p0"), Optional.of(64),
                Optional.empty(), Optional.empty(), new GreHeader(Optional.of(1L), Optional.of(2L),
                Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty()));
        GreSpec r = GreKind.INSTANCE.restrict(s, List.of("okey", "ttl"));
        assertThat(r).isEqualTo(new GreSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(64),
                Optional.empty(), Optional.empty(), new GreHeader(Optional.empty(), Optional.of(2L),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())));
    }

    @Test
    void withOptionSetsOneFieldAndKeepsTheRest() {
        VethSpec observed = new VethSpec(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        assertThat(VethKind.INSTANCE.withOption(observed, "peer", "v1"))
                .isEqualTo(VethSpec.of("v1", Optional.empty(), Optional.empty()));
    }

    @Test
    void wordsMapBothWaysAndNameAnUnknownNumber() {
        assertThat(IpvlanKind.MODES.value("l3s")).isEqualTo(2);
        assertThat(IpvlanKind.MODES.word(1)).isEqualTo("l3");
        assertThat(IpvlanKind.MODES.word(7)).isEqualTo("mode-7");
        assertThat(IpvlanKind.MODES.choice()).isEqualTo(ValueType.choice("l2", "l3", "l3s"));
    }
}
