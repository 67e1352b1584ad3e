package io.vlinkd.netlink.kind;

import static io.vlinkd.netlink.kind.KindGolden.none;
import static io.vlinkd.netlink.kind.KindGolden.some;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vlinkd.netlink.link.LinkSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VlanKindTest {
    private static final VlanKind K = VlanKind.INSTANCE;
    private static final LinkCommon ON_P0 = new LinkCommon("p0.100", Optional.of("p0"), Optional.empty());

    static VlanSpec fromConfig(LinkCommon common, Problems problems, Object... kv) {
        return ConfigOptions.spec(K, common, problems, kv);
    }

    static VlanSpec fromConfig(Object... kv) {
        return ConfigOptions.valid(K, ON_P0, kv);
    }

    static Map<Long, Long> map(long... fromTo) {
        Map<Long, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < fromTo.length; i += 2) {
            m.put(fromTo[i], fromTo[i + 1]);
        }
        return m;
    }

    private static final VlanSpec ALL = fromConfig("id", 100, "protocol", "802.1ad", "reorder-hdr", false,
            "gvrp", true, "mvrp", true, "loose-binding", true, "ingress-qos-map", map(1, 2, 3, 4),
            "egress-qos-map", map(5, 6, 7, 1));

    @Test
    void createWithEveryOptionMatchesIproute2() throws Exception {
        KindGolden.assertCreate("vlan/create-all.txt", LinkSpec.of("p0.100", K, ALL).withLink("p0"), ALL);
    }

    @Test
    void createMinimalSendsTheParentAsIflaLink() throws Exception {
        VlanSpec spec = fromConfig("id", 100);
        KindGolden.assertCreate("vlan/create-minimal.txt", LinkSpec.of("p0.100", K, spec).withLink("p0"), spec);
    }

    @Test
    void changeSendsFlagsWithTheirMaskAndMaps() throws Exception {
        // Without the create-only id, so that ipArgs give the captured command; a change leaves it out anyway.
        VlanSpec desired = fromConfig(ON_P0, new Problems(), "reorder-hdr", true, "gvrp", false,
                "ingress-qos-map", map(0, 1), "egress-qos-map", map(2, 3));
        VlanSpec decoded = new VlanSpec(none(), none(), some(true), some(false), none(), none(), some(map(0, 1)),
                some(map(2, 3)));
        // Captured on a veth named p0: the bytes of a change do not depend on the link's kind.
        KindGolden.assertChange("vlan/change-flags-qos.txt", LinkSpec.of("p0", K, desired), decoded);
    }

    @Test
    void changeLeavesOutIdAndProtocol() throws Exception {
        io.vlinkd.netlink.golden.GoldenFixture f = io.vlinkd.netlink.golden.GoldenFixture.load(
                "vlan/change-flags-qos.txt");
        VlanSpec full = fromConfig("id", 100, "protocol", "802.1ad", "reorder-hdr", true, "gvrp", false,
                "ingress-qos-map", map(0, 1), "egress-qos-map", map(2, 3));
        io.vlinkd.netlink.golden.GoldenAssert.assertSameBytes(f, io.vlinkd.netlink.link.LinkRequests.change(
                f.ifindex().get("p0"), LinkSpec.of("p0", K, full), f.context()));
    }

    @Test
    void ipArgsReadLikeTheCommand() {
        assertThat(String.join(" ", K.ipArgs(ALL))).isEqualTo("protocol 802.1ad id 100 reorder_hdr off gvrp on "
                + "mvrp on loose_binding on ingress-qos-map 1:2 3:4 egress-qos-map 5:6 7:1");
    }

    @Test
    void needsAParent() {
        Problems p = new Problems();
        fromConfig(new LinkCommon("v100", Optional.empty(), Optional.empty()), p, "id", 100);
        assertThat(p.all()).containsExactly(new Problems.Problem(null,
                "a vlan needs a parent: set link: to the interface its tagged frames go out on"));
    }

    @Test
    void needsAnId() {
        Problems p = new Problems();
        fromConfig(ON_P0, p, "gvrp", true);
        assertThat(p.all()).containsExactly(new Problems.Problem(null, "a vlan needs an id (vlan: { id: 1-4094 })"));
    }

    @Test
    void idAndPcpRangesFollowTheKernel() {
        assertThat(K.options().get(0).type()).isEqualTo(ValueType.integer(1, 4094));
        assertThat(K.options().get(6).type()).isEqualTo(new ValueType.IntMap(ValueType.integer(0, 7),
                ValueType.u32()));
    }

    /** A dump: flags with mask ~0, maps without zero entries. */
    private static final VlanSpec DUMPED = new VlanSpec(some(100L), some("802.1ad"), some(false), some(true),
            some(true), some(true), some(map(1, 2, 3, 4)), some(map(5, 6, 7, 1)));

    @Test
    void noDifferenceAgainstTheDump() {
        assertThat(K.differences(ALL, DUMPED)).isEmpty();
    }

    @Test
    void absentFlagsAndMapsInADumpMeanOffAndEmpty() {
        VlanSpec bare = new VlanSpec(some(100L), some("802.1q"), none(), none(), none(), none(), none(), none());
        assertThat(K.differences(fromConfig("id", 100, "gvrp", false, "egress-qos-map", map()), bare)).isEmpty();
        assertThat(K.differences(fromConfig("id", 100, "gvrp", true), bare))
                .extracting(Difference::key, Difference::change)
                .containsExactly(tuple("gvrp", Option.Change.IN_PLACE));
    }

    @Test
    void recreatesWhenIdOrProtocolChanges() {
        assertThat(K.differences(fromConfig("id", 200, "protocol", "802.1q"), DUMPED))
                .extracting(Difference::key, Difference::change)
                .containsExactly(tuple("id", Option.Change.RECREATE), tuple("protocol", Option.Change.RECREATE));
    }

    @Test
    void changesFlagsAndAddedMappingsInPlace() {
        VlanSpec desired = fromConfig("id", 100, "reorder-hdr", true, "ingress-qos-map", map(1, 2, 3, 4, 5, 6));
        assertThat(K.differences(desired, DUMPED)).extracting(Difference::key, Difference::change).containsExactly(
                tuple("reorder-hdr", Option.Change.IN_PLACE), tuple("ingress-qos-map", Option.Change.IN_PLACE));
    }

    @Test
    void recreatesWhenTheKernelHoldsMappingsTheConfigDropped() {
        assertThat(K.differences(fromConfig("id", 100, "egress-qos-map", map(5, 6)), DUMPED))
                .extracting(Difference::key, Difference::change)
                .containsExactly(tuple("egress-qos-map", Option.Change.RECREATE));
    }

    @Test
    void mappingToZeroRemovesInPlace() {
        assertThat(K.differences(fromConfig("id", 100, "egress-qos-map", map(5, 6, 7, 0)), DUMPED))
                .extracting(Difference::key, Difference::change)
                .containsExactly(tuple("egress-qos-map", Option.Change.IN_PLACE));
    }
}
