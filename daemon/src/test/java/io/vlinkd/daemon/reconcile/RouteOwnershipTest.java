package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.route.ObservedRoute;
import io.vlinkd.netlink.route.AddressRequests;
import io.vlinkd.netlink.route.RouteRequests;
import io.vlinkd.netlink.route.RouteSpec;
import io.vlinkd.netlink.route.Rtnl;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 13.8 and the route half of 12.4: a route is vlinkd's by its protocol and the ledger together. */
class RouteOwnershipTest extends OverFakeKernel {
    int eth9;

    @BeforeEach
    void setUp() throws Exception {
        eth9 = kernel.addForeignLink("eth9", null, null, true);
        kernel.apply(List.of(AddressRequests.add(eth9, "eth9", Desired.address("10.0.0.1/24"))));
    }

    /** Someone else's route through eth9 with protocol {@code protocol}. */
    private void foreignRoute(String to, int protocol) {
        kernel.apply(List.of(RouteRequests.add(new RouteSpec(Desired.ip(to), 16, Optional.of(Desired.ip("10.0.0.254")),
                Optional.of("eth9"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), false, Optional.empty()), eth9, protocol)));
    }

    private static final String ROUTE = """
            interfaces:
              - name: eth9
            routes:
              - to: 198.51.100.0/24
                via: 10.0.0.254
                dev: eth9
            """;
    private static final String NO_ROUTE = """
            interfaces:
              - name: eth9
              - name: br0
                kind: bridge
            """;

    @Test
    void aForeignRouteWithVlinkdsProtocolIsNotDeleted() throws Exception {
        foreignRoute("10.9.0.0", Planner.VLINKD_PROTOCOL);
        reconciler.apply(config(ROUTE));
        ApplyResult r = reconciler.apply(config(NO_ROUTE));

        assertThat(r.kept()).extracting(Step::operation).containsExactlyInAnyOrder("create bridge",
                "delete route 198.51.100.0/24 via 10.0.0.254 scope global dev eth9");
        assertThat(kernel.observe().routes()).extracting(x -> x.dst().getHostAddress()).containsExactly("10.9.0.0");
    }

    @Test
    void anOwnedRouteIsRecordedInTheLedgerAndDeletedWhenItLeavesTheConfig() throws Exception {
        assertThat(reconciler.apply(config(ROUTE)).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(Files.readString(store.file())).contains("\nroute 198.51.100.0/24 254 0\n");

        ApplyResult r = reconciler.apply(config(NO_ROUTE));
        assertThat(r.kept()).extracting(Step::operation).anyMatch(o -> o.startsWith("delete route 198.51.100.0/24"));
        assertThat(kernel.observe().routes()).isEmpty();
        assertThat(Files.readString(store.file())).doesNotContain("\nroute ");
    }

    @Test
    void aLedgerWithoutRouteLinesClaimsTheConfiguredRoutesThatCarryTheProtocol() throws Exception {
        reconciler.apply(config(ROUTE));
        // A ledger written before routes were recorded: only its header.
        Files.writeString(store.file(), "# vlinkd ownership v1\n");
        assertThat(reconciler.apply(config(ROUTE)).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(Files.readString(store.file())).contains("route 198.51.100.0/24 254 0");
        reconciler.apply(config(NO_ROUTE));
        assertThat(kernel.observe().routes()).isEmpty();
    }

    @Test
    void theProtocolIsASetting() throws Exception {
        foreignRoute("10.9.0.0", Planner.VLINKD_PROTOCOL);
        reconciler.apply(config(ROUTE + "settings:\n  route-protocol: 200\n"));
        assertThat(kernel.observe().routes()).filteredOn(x -> x.prefixLength() == 24)
                .extracting(ObservedRoute::protocol).containsExactly(200);
        reconciler.apply(config(NO_ROUTE + "settings:\n  route-protocol: 200\n"));
        assertThat(kernel.observe().routes()).extracting(ObservedRoute::protocol)
                .containsExactly(Planner.VLINKD_PROTOCOL);
    }

    @Test
    void aScopeChangeAloneIsAStep() throws Exception {
        String linkScoped = """
                interfaces:
                  - name: eth9
                routes:
                  - to: 198.51.100.0/24
                    dev: eth9
                """;
        reconciler.apply(config(linkScoped));
        ObservedRoute before = kernel.observe().routes().get(0);
        assertThat(before.scope()).isEqualTo(Rtnl.RT_SCOPE_LINK);

        assertThat(reconciler.plan(config(linkScoped + "    scope: host\n")).isEmpty()).isFalse();
        assertThat(reconciler.apply(config(linkScoped + "    scope: host\n")).outcome())
                .isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(kernel.observe().routes().get(0).scope()).isEqualTo(Rtnl.RT_SCOPE_HOST);
    }

    @Test
    void anOnlinkChangeAloneIsAStep() throws Exception {
        reconciler.apply(config(ROUTE));
        assertThat(reconciler.plan(config(ROUTE + "    onlink: true\n")).isEmpty()).isFalse();
        assertThat(reconciler.apply(config(ROUTE + "    onlink: true\n")).outcome())
                .isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(kernel.observe().routes().get(0).onlink()).isTrue();
        assertThat(reconciler.plan(config(ROUTE + "    onlink: true\n")).isEmpty()).isTrue();
    }

    @Test
    void aChangedOwnedRouteIsReplacedInPlaceAndAForeignOneWithTheNumberIsLeftAlone() throws Exception {
        reconciler.apply(config(ROUTE));
        ApplyResult r = reconciler.apply(config(ROUTE.replace("10.0.0.254", "10.0.0.253")));
        assertThat(r.kept()).extracting(Step::ipCommand).containsExactly(
                "ip route replace 198.51.100.0/24 via 10.0.0.253 dev eth9 proto 247");
        assertThat(kernel.observe().routes().get(0).gateway()).isEqualTo(Desired.ip("10.0.0.253"));

        // Someone else's route to a destination the config lists, with vlinkd's number: noted, not replaced.
        reconciler.apply(config(NO_ROUTE));
        foreignRoute("10.9.0.0", Planner.VLINKD_PROTOCOL);
        Plan p = reconciler.plan(config(ROUTE.replace("198.51.100.0/24", "10.9.0.0/16")
                .replace("10.0.0.254", "10.0.0.253")));
        assertThat(p.waves().stream().flatMap(List::stream)).noneMatch(st -> st.phase() == Phase.ADD_ROUTE
                || st.phase() == Phase.DELETE_ROUTE);
        assertThat(p.notes()).anyMatch(n -> n.contains("not installed by vlinkd; left alone"));
    }
}
