package io.vlinkd.daemon.resource.route;

import static io.vlinkd.daemon.resource.OnEth9.ETH9;
import static io.vlinkd.daemon.resource.OnEth9.ETH9_LINK;
import static io.vlinkd.daemon.resource.OnEth9.P;
import static io.vlinkd.daemon.resource.OnEth9.WHERE;
import static io.vlinkd.daemon.resource.OnEth9.ip;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredRoute;
import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.daemon.resource.Fate;
import io.vlinkd.daemon.resource.ObjectPlan;
import io.vlinkd.daemon.resource.OnEth9;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.state.Ownership;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.route.RouteRequests;
import io.vlinkd.netlink.route.RouteSpec;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Routes as a resource type: their key, and the generic {@link ObjectPlan} over them (replace in place what is
 * vlinkd's, leave someone else's alone with a note, delete what left the config unless its link takes it along,
 * restore what a deleted link takes along). The same behaviour through the whole reconciler: RouteOwnershipTest,
 * EveryKeyComparedTest, ReconcilerTest (unit) and RouteChangeKernelTest (kernel).
 */
class RouteTypeTest {

    /** {@code to} via {@code via} dev eth9, as configured. */
    private static DesiredRoute wanted(String to, int len, String via) {
        return new DesiredRoute(new RouteSpec(ip(to), len, Optional.ofNullable(via).map(OnEth9::ip),
                Optional.of("eth9"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty()), WHERE);
    }

    /** {@code to} via {@code via} through {@code oif}, in the main table, as dumped. */
    private static ObservedRoute seen(String to, int len, String via, int oif, int protocol) {
        return new ObservedRoute(Rtnl.AF_INET, ip(to), len, Rtnl.RT_TABLE_MAIN, protocol, Rtnl.RT_SCOPE_UNIVERSE,
                Rtnl.RTN_UNICAST, ip(via), oif, 0, null, false, 0);
    }

    private static final ObservedRoute OURS = seen("198.51.100.0", 24, "10.0.0.254", ETH9, P);
    private static final ObservedRoute LEFT = seen("203.0.113.0", 24, "10.0.0.254", ETH9, P);
    private static final ObservedRoute NUMBER_ONLY = seen("10.9.0.0", 16, "10.0.0.254", ETH9, P);
    private static final ObservedRoute BOOT = seen("10.8.0.0", 16, "10.0.0.254", ETH9, Rtnl.RTPROT_BOOT);
    private static final ObservedState OBSERVED = new ObservedState(List.of(ETH9_LINK), List.of(),
            List.of(OURS, LEFT, NUMBER_ONLY, BOOT));
    /** The ledger records OURS and LEFT; NUMBER_ONLY carries the number without being recorded. */
    private static final Ownership OWNED = Ownership.none().withLines(RouteType.TYPE, List.of(OURS.key().owned(),
            LEFT.key().owned()));

    private static final DesiredState DESIRED = new DesiredState(List.of(), List.of(), List.of(
            wanted("198.51.100.0", 24, "10.0.0.253"), wanted("10.9.0.0", 16, "10.0.0.253"),
            wanted("192.0.2.0", 24, null)), DaemonSettings.defaults(), List.of());

    private final ObjectPlan<RouteKey, DesiredRoute, ObservedRoute, ?> plan =
            new ObjectPlan<>(RouteType.TYPE, DESIRED, OBSERVED, OWNED, P);

    @Test
    void routesAreARegisteredResourceType() {
        assertThat(ResourceTypes.ALL).contains(RouteType.TYPE);
    }

    @Test
    void aRouteIsKeyedWithTheKernelsDefaultMetricAndItsTable() {
        assertThat(RouteType.TYPE.key(wanted("198.51.100.0", 24, null))).isEqualTo(OURS.key());
        RouteKey v6 = RouteKey.of(new RouteSpec(ip("2001:db8::"), 64, Optional.empty(), Optional.of("eth9"),
                Optional.empty(), Optional.of(100L), Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty()));
        assertThat(v6).isEqualTo(new RouteKey(Rtnl.AF_INET6, ip("2001:db8::"), 64, 100, 1024));
        assertThat(v6.owned()).isEqualTo(new OwnedRoute(ip("2001:db8::"), 64, 100, 1024));
    }

    @Test
    void onlyARecordedRouteWithTheNumberIsVlinkds() {
        assertThat(plan.ours(OURS)).isTrue();
        assertThat(plan.ours(NUMBER_ONLY)).isFalse();
        assertThat(plan.ours(BOOT)).isFalse();
    }

    @Test
    void replacesItsOwnInPlaceNotesAForeignOneAddsTheMissingAndDeletesWhatLeftTheConfig() {
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        plan.plan(Fate.NONE, steps, notes);

        assertThat(steps).extracting(Step::ipCommand).containsExactly(
                "ip route replace 198.51.100.0/24 via 10.0.0.253 dev eth9 proto 247",
                "ip route add 192.0.2.0/24 dev eth9 proto 247",
                "ip route del 203.0.113.0/24 via 10.0.0.254 scope global dev eth9 proto 247");
        assertThat(steps).extracting(Step::operation).containsExactly(
                "replace route 198.51.100.0/24 via 10.0.0.253 dev eth9",
                "add route 192.0.2.0/24 dev eth9",
                "delete route 203.0.113.0/24 via 10.0.0.254 scope global dev eth9");
        // The revert of the replace puts the observed route back, in place.
        assertThat(steps.get(0).inverse()).extracting(Step::ipCommand).containsExactly(
                "ip route replace 198.51.100.0/24 via 10.0.0.254 scope global dev eth9 proto 247");
        assertThat(notes).containsExactly(WHERE + ": route 10.9.0.0/16 via 10.0.0.253 dev eth9: a different route "
                + "to 10.9.0.0/16 table 254 metric 0 exists (proto 247), not installed by vlinkd; left alone");
    }

    @Test
    void onARenewedLinkEveryRouteIsAddedAndOnADroppedOneNoneDeleted() {
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        plan.plan(Fate.recreated("eth9"), steps, notes);

        assertThat(steps).extracting(Step::operation).containsExactly(
                "add route 198.51.100.0/24 via 10.0.0.253 dev eth9",
                "add route 10.9.0.0/16 via 10.0.0.253 dev eth9",
                "add route 192.0.2.0/24 dev eth9");
        assertThat(notes).isEmpty();
    }

    @Test
    void routesThroughAnInterfaceTheConfigNamesButThatIsNotThereWaitForIt() {
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        plan.plan(Fate.awaiting("eth9"), steps, notes);

        assertThat(steps).extracting(Step::operation).noneMatch(o -> o.startsWith("add") || o.startsWith("replace"));
        assertThat(notes).isEmpty();
    }

    @Test
    void aDeletedLinksRoutesAreRestoredWithTheirOwnProtocolAndAReCreatedLinksForeignOnes() {
        List<Step> all = new ArrayList<>();
        plan.restore(Set.of(ETH9), all);
        assertThat(all).extracting(Step::ipCommand).containsExactly(
                "ip route add 198.51.100.0/24 via 10.0.0.254 scope global dev eth9 proto 247",
                "ip route add 203.0.113.0/24 via 10.0.0.254 scope global dev eth9 proto 247",
                "ip route add 10.9.0.0/16 via 10.0.0.254 scope global dev eth9 proto 247",
                "ip route add 10.8.0.0/16 via 10.0.0.254 scope global dev eth9 proto 3");
        assertThat(all).allMatch(s -> s.where() == null);

        List<Step> foreign = new ArrayList<>();
        plan.restoreKept(ETH9, WHERE, foreign);
        assertThat(foreign).extracting(Step::ipCommand).containsExactly(
                "ip route add 10.9.0.0/16 via 10.0.0.254 scope global dev eth9 proto 247",
                "ip route add 10.8.0.0/16 via 10.0.0.254 scope global dev eth9 proto 3");
    }

    @Test
    void someoneElsesRoutePutBackOnAReCreatedLinkIsStillLeftAloneWhereTheConfigWantsItsKey() {
        List<Step> steps = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        plan.restoreKept(ETH9, WHERE, steps);
        steps.clear();
        plan.plan(Fate.recreated("eth9"), steps, notes);

        assertThat(steps).extracting(Step::operation).containsExactly(
                "add route 198.51.100.0/24 via 10.0.0.253 dev eth9",
                "add route 192.0.2.0/24 dev eth9");
        assertThat(notes).containsExactly(WHERE + ": route 10.9.0.0/16 via 10.0.0.253 dev eth9: a different route "
                + "to 10.9.0.0/16 table 254 metric 0 exists (proto 247), not installed by vlinkd; left alone");
    }

    @Test
    void someoneElsesRouteIsReportedInIpRouteWordsUnlessTheConfigListsItsDestination() {
        assertThat(RouteType.TYPE.foreign(BOOT, "eth9", DESIRED)).hasValueSatisfying(f -> assertThat(f)
                .hasToString("eth9: foreign route 10.8.0.0/16 (via 10.0.0.254 table main metric 0 proto boot)"));
        assertThat(RouteType.TYPE.foreign(NUMBER_ONLY, "eth9", DESIRED)).isEmpty();
    }

    @Test
    void aRouteMessageDecodesToTheRouteItDescribesAndOtherMessagesToNone() throws Exception {
        RouteSpec spec = wanted("198.51.100.0", 24, "10.0.0.254").route();
        ObservedRoute r = RouteType.TYPE.decode(NlMessage.parseOne(RouteRequests.add(spec, ETH9, P).bytes()))
                .orElseThrow();
        assertThat(r.key()).isEqualTo(OURS.key());
        assertThat(List.of(r.protocol(), r.oif())).containsExactly(P, ETH9);
        assertThat(r.gateway()).isEqualTo(ip("10.0.0.254"));
        assertThat(RouteType.TYPE.decode(NlMessage.parseOne(RouteRequests.delete(spec, ETH9, P).bytes())))
                .hasValueSatisfying(d -> assertThat(d.key()).isEqualTo(OURS.key()));
        assertThat(RouteType.TYPE.decode(NlMessage.parseOne(LinkRequests.delete(ETH9, "eth9").bytes()))).isEmpty();
    }

    @Test
    void theObservationSubscribesToTheRouteGroups() {
        assertThat(NetlinkKernelPort.eventGroups()).contains(Rtnl.RTNLGRP_IPV4_ROUTE, Rtnl.RTNLGRP_IPV6_ROUTE);
    }
}
