package io.vlinkd.daemon.resource.neighbour;

import static io.vlinkd.daemon.resource.OnEth9.ETH9;
import static io.vlinkd.daemon.resource.OnEth9.ETH9_LINK;
import static io.vlinkd.daemon.resource.OnEth9.P;
import static io.vlinkd.daemon.resource.OnEth9.WHERE;
import static io.vlinkd.daemon.resource.OnEth9.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.NeighbourSection;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.daemon.resource.Fate;
import io.vlinkd.daemon.resource.ListedOnEntry;
import io.vlinkd.daemon.resource.ObjectPlan;
import io.vlinkd.daemon.resource.OwnedOnLink;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.NeighbourRequests;
import io.vlinkd.netlink.route.NeighbourSpec;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.NlMessage;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Permanent neighbour entries as a resource type: keyed by interface and address, vlinkd's when recorded and marked
 * (NDA_PROTOCOL), replaced in place, written over what ARP learned, someone else's permanent entry left alone with a
 * note, vlinkd's deleted when they leave the config. The same through the whole reconciler: NeighbourReconcileTest
 * (unit) and NeighbourKernelTest (kernel).
 */
class NeighbourTypeTest {

    private static final String MAC_A = "02:00:00:00:00:0a";
    private static final String MAC_B = "02:00:00:00:00:0b";

    private static NeighbourSpec entry(String address, String mac) {
        return new NeighbourSpec(ip(address), mac);
    }

    private static ObservedNeighbour seen(String address, String mac, boolean permanent, int protocol) {
        return new ObservedNeighbour(ETH9, ip(address), mac, permanent, protocol);
    }

    /** vlinkd's, recorded, with another MAC than configured. */
    private static final ObservedNeighbour OURS = seen("10.0.0.2", MAC_A, true, P);
    /** vlinkd's, recorded, no longer configured. */
    private static final ObservedNeighbour LEFT = seen("10.0.0.3", MAC_A, true, P);
    /** Someone else's permanent entry at a configured address. */
    private static final ObservedNeighbour FOREIGN = seen("10.0.0.4", MAC_A, true, 0);
    /** Learned by ARP at a configured address. */
    private static final ObservedNeighbour LEARNED = seen("10.0.0.5", MAC_A, false, 0);
    /** Learned by NDP, not configured. */
    private static final ObservedNeighbour LEARNED_V6 = seen("2001:db8::7", MAC_A, false, 0);
    private static final ObservedState OBSERVED = new ObservedState(List.of(ETH9_LINK),
            Map.of(NeighbourType.TYPE, List.of(OURS, LEFT, FOREIGN, LEARNED, LEARNED_V6)));
    private static final Ownership OWNED = Ownership.none().withLines(NeighbourType.TYPE, List.of(
            NeighbourType.TYPE.line(OURS, OBSERVED), NeighbourType.TYPE.line(LEFT, OBSERVED)));

    private static DesiredState eth9(NeighbourSpec... listed) {
        DesiredLink d = new DesiredLink(LinkSpec.of("eth9", null, null), List.of(), false, WHERE, false, false)
                .withObjects(NeighbourSection.SECTION, List.of(listed));
        return new DesiredState(List.of(d), List.of(), List.of(), DaemonSettings.defaults(), List.of());
    }

    private static final DesiredState DESIRED = eth9(entry("10.0.0.2", MAC_B), entry("10.0.0.4", MAC_B),
            entry("10.0.0.5", MAC_B), entry("2001:db8::1", MAC_B));

    private final ObjectPlan<NeighbourKey, ListedOnEntry<NeighbourSpec>, ObservedNeighbour, OwnedOnLink<InetAddress>> plan =
            new ObjectPlan<>(NeighbourType.TYPE, DESIRED, OBSERVED, OWNED, P);

    @Test
    void neighboursAreARegisteredResourceTypeKeyedByInterfaceAndAddress() {
        assertThat(ResourceTypes.ALL).contains(NeighbourType.TYPE);
        assertThat(NeighbourType.TYPE.observedKey(OURS, OBSERVED)).isEqualTo(new NeighbourKey("eth9",
                ip("10.0.0.2")));
        assertThat(NeighbourType.TYPE.line(OURS, OBSERVED)).isEqualTo(new OwnedOnLink<>("eth9", ETH9,
                ip("10.0.0.2")));
        assertThat(NetlinkKernelPort.eventGroups()).contains(Rtnl.RTNLGRP_NEIGH);
    }

    @Test
    void onlyARecordedEntryWithTheMarkIsVlinkds() {
        assertThat(plan.ours(OURS)).isTrue();
        assertThat(plan.ours(FOREIGN)).isFalse();
        assertThat(plan.ours(seen("10.0.0.9", MAC_A, true, P))).isFalse();
    }

    @Test
    void replacesItsOwnWritesOverALearnedOneNotesAForeignOneAndDeletesWhatLeftTheConfig() {
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        plan.plan(Fate.NONE, steps, notes);

        assertThat(steps).extracting(Step::ipCommand).containsExactly(
                "ip neigh replace 10.0.0.2 lladdr 02:00:00:00:00:0b dev eth9 nud permanent proto 247",
                "ip neigh replace 10.0.0.5 lladdr 02:00:00:00:00:0b dev eth9 nud permanent proto 247",
                "ip neigh replace 2001:db8::1 lladdr 02:00:00:00:00:0b dev eth9 nud permanent proto 247",
                "ip neigh del 10.0.0.3 dev eth9");
        assertThat(steps).extracting(Step::operation).containsExactly("replace neighbour 10.0.0.2",
                "add neighbour 10.0.0.5", "add neighbour 2001:db8::1", "delete neighbour 10.0.0.3");
        // The revert of the replace puts vlinkd's entry back as it was; that of an add over a learned entry deletes
        // it (the kernel learns the address again when it needs it).
        assertThat(steps.get(0).inverse()).extracting(Step::ipCommand).containsExactly(
                "ip neigh replace 10.0.0.2 lladdr 02:00:00:00:00:0a dev eth9 nud permanent proto 247");
        assertThat(steps.get(1).inverse()).extracting(Step::ipCommand).containsExactly(
                "ip neigh del 10.0.0.5 dev eth9");
        assertThat(notes).containsExactly(WHERE + ": neighbour 10.0.0.4: a permanent entry for 10.0.0.4 on eth9 "
                + "exists with lladdr 02:00:00:00:00:0a (proto 0), not installed by vlinkd; left alone");
    }

    @Test
    void anEntryAsConfiguredIsLeftAsItIs() {
        List<Step> steps = new ArrayList<>();
        new ObjectPlan<>(NeighbourType.TYPE, eth9(entry("10.0.0.2", MAC_A), entry("10.0.0.3", MAC_A)), OBSERVED,
                OWNED, P).plan(Fate.NONE, steps, new ArrayList<>());
        assertThat(steps).isEmpty();
    }

    @Test
    void learnedEntriesAreTheKernelsNeverDeletedRestoredOrReported() {
        assertThat(NeighbourType.TYPE.kernels(LEARNED_V6)).isTrue();
        List<Step> steps = new ArrayList<>();
        new ObjectPlan<>(NeighbourType.TYPE, eth9(), OBSERVED, Ownership.none(), P).plan(Fate.NONE, steps,
                new ArrayList<>());
        assertThat(steps).isEmpty();
        List<Step> restored = new ArrayList<>();
        plan.restore(Set.of(ETH9), restored);
        assertThat(restored).extracting(Step::ipCommand).containsExactly(
                "ip neigh replace 10.0.0.2 lladdr 02:00:00:00:00:0a dev eth9 nud permanent proto 247",
                "ip neigh replace 10.0.0.3 lladdr 02:00:00:00:00:0a dev eth9 nud permanent proto 247",
                "ip neigh replace 10.0.0.4 lladdr 02:00:00:00:00:0a dev eth9 nud permanent");
    }

    @Test
    void onARenewedLinkEveryEntryIsAdded() {
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        plan.plan(Fate.recreated("eth9"), steps, notes);
        assertThat(steps).extracting(Step::operation).containsExactly("add neighbour 10.0.0.2",
                "add neighbour 10.0.0.4", "add neighbour 10.0.0.5", "add neighbour 2001:db8::1");
        assertThat(notes).isEmpty();
    }

    @Test
    void someoneElsesEntryIsReportedUnlessTheConfigListsItsAddress() {
        ObservedNeighbour other = seen("10.0.0.8", MAC_A, true, 4);
        assertThat(NeighbourType.TYPE.foreign(other, "eth9", DESIRED)).hasValueSatisfying(f -> assertThat(f)
                .hasToString("eth9: foreign neighbour 10.0.0.8 (lladdr 02:00:00:00:00:0a)"));
        assertThat(NeighbourType.TYPE.foreign(FOREIGN, "eth9", DESIRED)).isEmpty();
    }

    @Test
    void aNeighbourMessageDecodesToTheEntryAndOthersToNone() throws Exception {
        NeighbourSpec spec = entry("10.0.0.2", MAC_B);
        ObservedNeighbour n = NeighbourType.TYPE.decode(NlMessage.parseOne(
                NeighbourRequests.replace(ETH9, "eth9", spec, P).bytes())).orElseThrow();
        assertThat(n).isEqualTo(new ObservedNeighbour(ETH9, ip("10.0.0.2"), MAC_B, true, P));
        assertThat(NeighbourType.TYPE.decode(NlMessage.parseOne(
                NeighbourRequests.delete(ETH9, "eth9", entry("10.0.0.2", null)).bytes())))
                .hasValueSatisfying(d -> assertThat(NeighbourType.TYPE.identity(d))
                        .isEqualTo(NeighbourType.TYPE.identity(n)));
        assertThat(NeighbourType.TYPE.decode(NlMessage.parseOne(NeighbourRequests.dump().bytes()))).isEmpty();
    }
}
