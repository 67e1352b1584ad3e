package io.vlinkd.netlink.kind;

import static io.vlinkd.netlink.kind.KindGolden.none;
import static io.vlinkd.netlink.kind.KindGolden.some;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.link.LinkSpec;
import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BridgeKindTest {
    private static final BridgeKind K = BridgeKind.INSTANCE;
    private static final LinkCommon BR0 = new LinkCommon("br0", Optional.empty(), Optional.empty());

    static BridgeSpec fromConfig(Problems problems, Object... kv) {
        return ConfigOptions.spec(K, BR0, problems, kv);
    }

    static BridgeSpec fromConfig(Object... kv) {
        return ConfigOptions.valid(K, BR0, kv);
    }

    private static final BridgeSpec STP = fromConfig("forward-delay", 4, "hello-time", 2, "max-age", 12,
            "ageing-time", 300, "stp", true, "priority", 4096, "multicast-snooping", false);

    @Test
    void secondsInConfigAreCentisecondsOnTheWire() {
        assertThat(STP.forwardDelay()).contains(400L);
        assertThat(STP.ageingTime()).contains(30000L);
        assertThat(K.toOptions(STP).asMap()).containsEntry("forward-delay", 4L).containsEntry("ageing-time", 300L);
    }

    @Test
    void createWithoutOptionsSendsNoInfoData() throws Exception {
        KindGolden.assertCreate("bridge/create-minimal.txt", LinkSpec.of("br0", K, BridgeSpec.unmanaged()),
                BridgeSpec.unmanaged());
    }

    @Test
    void createWithStpTimersMatchesIproute2() throws Exception {
        KindGolden.assertCreate("bridge/create-stp.txt", LinkSpec.of("br0", K, STP), STP);
    }

    @Test
    void createWithVlanFilteringMatchesIproute2() throws Exception {
        BridgeSpec all = fromConfig("forward-delay", 4, "hello-time", 2, "max-age", 12, "ageing-time", 300,
                "stp", true, "priority", 4096, "vlan-filtering", true, "vlan-protocol", "802.1ad",
                "default-pvid", 10, "multicast-snooping", false);
        KindGolden.assertCreate("bridge/create-all.txt", LinkSpec.of("br0", K, all), all);
    }

    @Test
    void changeSendsTheChangedOptionsByIndex() throws Exception {
        BridgeSpec change = fromConfig("forward-delay", 15, "hello-time", 1, "stp", false,
                "multicast-snooping", true);
        KindGolden.assertChange("bridge/change-timers.txt", LinkSpec.of("br0", K, change), change);
    }

    @Test
    void ipArgsUseIproute2Words() {
        assertThat(K.ipArgs(STP)).containsExactly("forward_delay", "400", "hello_time", "200", "max_age", "1200",
                "ageing_time", "30000", "stp_state", "1", "priority", "4096", "mcast_snooping", "0");
    }

    @Test
    void rejectsForwardDelayOutsideStpRange() {
        Problems p = new Problems();
        fromConfig(p, "stp", true, "forward-delay", 1);
        assertThat(p.all()).containsExactly(new Problems.Problem("forward-delay",
                "forward-delay must be 2-30 seconds while stp is on (the kernel answers ERANGE), not 1"));
    }

    @Test
    void acceptsShortForwardDelayWithoutStp() {
        Problems p = new Problems();
        fromConfig(p, "stp", false, "forward-delay", 0);
        assertThat(p.all()).isEmpty();
    }

    @Test
    void optionRangesFollowTheKernelLimits() {
        assertThat(option("hello-time").type()).isEqualTo(ValueType.integer(1, 10));
        assertThat(option("max-age").type()).isEqualTo(ValueType.integer(6, 40));
        assertThat(option("default-pvid").type()).isEqualTo(ValueType.integer(0, 4094));
    }

    @Test
    void noDifferenceWhenObservedMatches() {
        assertThat(K.differences(STP, STP)).isEmpty();
    }

    @Test
    void unmanagedOptionsAreNotCompared() {
        BridgeSpec desired = fromConfig("stp", true);
        assertThat(K.differences(desired, STP)).isEmpty();
    }

    @Test
    void changesTimersInPlace() {
        BridgeSpec desired = fromConfig("forward-delay", 15, "stp", false);
        assertThat(K.differences(desired, STP)).extracting(Difference::key, Difference::change)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("stp", Option.Change.IN_PLACE),
                        org.assertj.core.groups.Tuple.tuple("forward-delay", Option.Change.IN_PLACE));
    }

    @Test
    void fractionalKernelTimeNeverEqualsWholeSeconds() {
        BridgeSpec observed = new BridgeSpec(some(150L), none(), none(), none(), none(), none(), none(), none(),
                none(), none());
        assertThat(K.toOptions(observed).asMap()).containsEntry("forward-delay", new BigDecimal("1.50"));
        assertThat(K.differences(fromConfig("forward-delay", 1), observed)).hasSize(1);
    }

    @Test
    void vlanSettingsAreNotDriftOnAKernelThatDoesNotReportThem() {
        BridgeSpec desired = fromConfig("vlan-protocol", "802.1ad", "default-pvid", 5);
        assertThat(K.differences(desired, STP)).isEmpty();
        BridgeSpec reported = new BridgeSpec(none(), none(), none(), none(), none(), none(), some(false),
                some("802.1q"), some(1L), none());
        assertThat(K.differences(desired, reported)).extracting(Difference::key)
                .containsExactly("vlan-protocol", "default-pvid");
    }

    private static Option option(String key) {
        return K.options().stream().filter(o -> o.key().equals(key)).findFirst().orElseThrow();
    }
}
