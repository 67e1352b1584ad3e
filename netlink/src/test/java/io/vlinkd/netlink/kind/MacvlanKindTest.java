package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.kind.MacvlanKind.MacvlanSpec;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MacAddress;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MacvlanKindTest {
    private static final MacvlanKind MACVLAN = MacvlanKind.INSTANCE;
    private static final MacAddress M55 = MacAddress.parse("02:11:22:33:44:55");
    private static final MacAddress M66 = MacAddress.parse("02:11:22:33:44:66");
    private static final MacAddress M77 = MacAddress.parse("02:11:22:33:44:77");

    private static MacvlanSpec spec(String mode, List<String> flags, List<MacAddress> macs, Long bcq) {
        return new MacvlanSpec(Optional.ofNullable(mode), Optional.ofNullable(flags), Optional.ofNullable(macs),
                Optional.ofNullable(bcq));
    }

    @Test
    void createBridgeMatchesIproute2() throws Exception {
        KindGolden.assertCreate("macvlan/create-bridge.txt",
                LinkSpec.of("mv0", MACVLAN, MacvlanSpec.mode("bridge")).withLink("p0"));
    }

    @Test
    void createPassthruNopromiscMatchesIproute2() throws Exception {
        KindGolden.assertCreate("macvlan/create-passthru-nopromisc.txt",
                LinkSpec.of("mv0", MACVLAN, spec("passthru", List.of("nopromisc"), null, null)).withLink("p0"));
    }

    @Test
    void createSourceWithMacsFlagsAndQueueMatchesIproute2() throws Exception {
        KindGolden.assertCreate("macvlan/create-source.txt", LinkSpec.of("mv0", MACVLAN,
                spec("source", List.of("nodst"), List.of(M55, M66), 100L)).withLink("p0"));
    }

    @Test
    void changeModeMatchesIproute2() throws Exception {
        KindGolden.assertChange("macvlan/change-mode-vepa.txt", LinkSpec.of("mv0", MACVLAN, MacvlanSpec.mode("vepa")));
    }

    @Test
    void changeSourceMacsReplacesTheListLikeIproute2() throws Exception {
        KindGolden.assertChange("macvlan/change-source-macs.txt",
                LinkSpec.of("mv0", MACVLAN, spec("source", null, List.of(M77), null)));
    }

    @Test
    void macvtapSharesTheEncodingWithItsOwnKindName() throws Exception {
        KindGolden.assertCreate("macvtap/create-vepa.txt",
                LinkSpec.of("mvt0", MacvtapKind.INSTANCE, MacvlanSpec.mode("vepa")).withLink("p0"));
        KindGolden.assertChange("macvtap/change-mode-bridge.txt",
                LinkSpec.of("mvt0", MacvtapKind.INSTANCE, MacvlanSpec.mode("bridge")));
    }

    @Test
    void emptyFlagsAreSentAsZeroWithIproute2sFlagNull() {
        assertThat(MACVLAN.ipArgs(spec("bridge", List.of(), null, null))).containsExactly("mode", "bridge", "flag",
                "null");
    }

    // ---- validation ---------------------------------------------------------------------------------------------

    /** Decodes a dump holding IFLA_MACVLAN_MODE mode and one more int attribute. */
    private static MacvlanSpec dumped(int mode, Attr attr, int value) throws Exception {
        MessageWriter w = MessageWriter.request(16, 0);
        w.putInt(MacvlanKind.IFLA_MACVLAN_MODE, mode);
        w.putInt(attr, value);
        byte[] b = w.finish("dump").bytes();
        return MACVLAN.decode(Attrs.parse(b, 16, b.length - 16), DecodeContext.none());
    }

    private static List<Problems.Problem> validate(MacvlanKind kind, Map<String, Object> values, String link) {
        Problems p = new Problems();
        kind.fromOptions(OptionValues.of(values), new LinkCommon("mv0", Optional.ofNullable(link), Optional.empty()),
                p);
        return p.all();
    }

    @Test
    void aMacvlanNeedsAParent() {
        assertThat(validate(MACVLAN, Map.of("mode", "bridge"), null)).containsExactly(new Problems.Problem(null,
                "a macvlan needs a parent: set link (an Ethernet device such as eth0 or a veth)"));
        assertThat(validate(MacvtapKind.INSTANCE, Map.of(), null)).extracting(Problems.Problem::message)
                .containsExactly("a macvtap needs a parent: set link (an Ethernet device such as eth0 or a veth)");
    }

    @Test
    void nopromiscNeedsPassthru() {
        assertThat(validate(MACVLAN, Map.of("mode", "bridge", "flags", List.of("nopromisc")), "eth0"))
                .containsExactly(new Problems.Problem("flags",
                        "nopromisc only works in mode passthru (mode is bridge)"));
        assertThat(validate(MACVLAN, Map.of("flags", List.of("nopromisc")), "eth0"))
                .extracting(Problems.Problem::message)
                .containsExactly("nopromisc only works in mode passthru (set mode)");
        assertThat(validate(MACVLAN, Map.of("mode", "passthru", "flags", List.of("nopromisc")), "eth0")).isEmpty();
    }

    @Test
    void sourceMacsNeedSourceModeUnicastAndNoRepeats() {
        assertThat(validate(MACVLAN, Map.of("mode", "vepa", "source-macs", List.of(M55)), "eth0"))
                .containsExactly(new Problems.Problem("source-macs",
                        "source-macs only work in mode source (mode is vepa)"));
        MacAddress multicast = MacAddress.parse("01:00:5e:00:00:01");
        assertThat(validate(MACVLAN, Map.of("mode", "source", "source-macs", List.of(M55, multicast, M55)), "eth0"))
                .containsExactly(
                        new Problems.Problem("source-macs", "01:00:5e:00:00:01 is not a unicast address; a source MAC "
                                + "must be one"),
                        new Problems.Problem("source-macs", "02:11:22:33:44:55 is listed twice"));
    }

    @Test
    void flagsAreKeptInBitOrderWhateverTheConfigOrder() {
        MacvlanSpec s = MACVLAN.fromOptions(OptionValues.of(Map.of("mode", "passthru", "flags",
                List.of("nodst", "nopromisc"))), new LinkCommon("mv0", Optional.of("eth0"), Optional.empty()),
                new Problems());
        assertThat(s.flags()).contains(List.of("nopromisc", "nodst"));
    }

    // ---- classify ------------------------------------------------------------------------------------------------

    @Test
    void sameModeIsNoDifference() {
        assertThat(MACVLAN.differences(MacvlanSpec.mode("bridge"), spec("bridge", List.of(), null, 1000L))).isEmpty();
    }

    @Test
    void modeChangesInPlaceBetweenBridgeVepaPrivateAndSource() {
        assertThat(MACVLAN.differences(MacvlanSpec.mode("vepa"), MacvlanSpec.mode("bridge")))
                .containsExactly(new Difference("mode", "vepa", "bridge", Option.Change.IN_PLACE, null));
        assertThat(MACVLAN.differences(MacvlanSpec.mode("source"), MacvlanSpec.mode("private")))
                .extracting(Difference::change).containsExactly(Option.Change.IN_PLACE);
    }

    @Test
    void intoOrOutOfPassthruNeedsARecreate() {
        assertThat(MACVLAN.differences(MacvlanSpec.mode("passthru"), MacvlanSpec.mode("bridge")))
                .containsExactly(new Difference("mode", "passthru", "bridge", Option.Change.RECREATE,
                        "the kernel does not change a macvlan into or out of passthru mode (EINVAL)"));
        assertThat(MACVLAN.differences(MacvlanSpec.mode("vepa"), MacvlanSpec.mode("passthru")))
                .extracting(Difference::change).containsExactly(Option.Change.RECREATE);
    }

    @Test
    void sourceMacsCompareAsASetAndChangeInPlace() {
        assertThat(MACVLAN.differences(spec("source", null, List.of(M55, M66), null),
                spec("source", null, List.of(M66, M55), null))).isEmpty();
        assertThat(MACVLAN.differences(spec("source", null, List.of(M55, M77), null),
                spec("source", null, List.of(M55), null)))
                .extracting(Difference::key, Difference::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("source-macs", Option.Change.IN_PLACE));
    }

    @Test
    void flagsChangeInPlace() {
        assertThat(MACVLAN.differences(spec("passthru", List.of("nopromisc"), null, null),
                spec("passthru", List.of(), null, null)))
                .containsExactly(new Difference("flags", List.of("nopromisc"), List.of(), Option.Change.IN_PLACE,
                        null));
    }

    @Test
    void aDumpInSourceModeWithoutAListMeansNoSourceMacs() throws Exception {
        MacvlanSpec s = dumped(16, MacvlanKind.IFLA_MACVLAN_MACADDR_COUNT, 0);
        assertThat(s.sourceMacs()).contains(List.of());
    }

    /** 12.10: the kernel dumps IFLA_MACVLAN_FLAGS 0 for every macvlan; it is "not set", never "flag null". */
    @Test
    void aDumpWithFlagsZeroHasNoFlagsAndNoFlagWords() throws Exception {
        MacvlanSpec s = dumped(4, MacvlanKind.IFLA_MACVLAN_FLAGS, 0);
        assertThat(s.flags()).isEmpty();
        assertThat(MACVLAN.ipArgs(s)).containsExactly("mode", "bridge");
        assertThat(MACVLAN.differences(spec("bridge", List.of(), null, null), s)).isEmpty();
        assertThat(MACVLAN.differences(spec("bridge", null, null, null), s)).isEmpty();
    }

    @Test
    void clearingFlagsIsStillAChange() {
        assertThat(MACVLAN.differences(spec("bridge", List.of(), null, null), spec("bridge", List.of("nodst"), null,
                null))).extracting(Difference::key).containsExactly("flags");
    }
}
