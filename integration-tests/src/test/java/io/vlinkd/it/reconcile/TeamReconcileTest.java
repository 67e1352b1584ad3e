package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.CountingPort;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.reconcile.Step;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.kind.GenericNetlink;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.kind.TeamKind;
import io.vlinkd.netlink.kind.team.TeamConfigurator;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.Netlink;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A team through the reconciler against the kernel: created with rtnetlink, its mode set over generic netlink
 * before its veth ports join, read back over generic netlink; a second apply writes nothing (rtnetlink or genl).
 */
class TeamReconcileTest {
    @RegisterExtension
    final KernelFixture kernel = new KernelFixture();

    private TestNamespace ns;

    @BeforeEach
    void freshNamespace() throws Exception {
        ns = kernel.freshNamespaceWith("team");
    }

    private static DesiredLink veth(String name, String peer, SourceLocation where) {
        return new DesiredLink(LinkSpec.of(name, LinkKinds.byName("veth").orElseThrow(),
                KernelFixture.spec("veth", name, Map.of("peer", peer))).withMaster("team0"), List.of(), false, where);
    }

    @Test
    void setsTheTeamModeBeforeItsPortsJoinAndASecondApplyWritesNothing() throws Exception {
        SourceLocation where = new SourceLocation(Path.of("/etc/vlinkd/10-team.yaml"), 1, 3);
        DesiredState d = new DesiredState(List.of(
                new DesiredLink(LinkSpec.of("team0", TeamKind.INSTANCE,
                        new TeamKind.TeamSpec(Optional.of("activebackup"))).withState(AdminState.UP), List.of(),
                        false, where),
                veth("a0", "a0p", where), veth("b0", "b0p", where)),
                List.of(), List.of(), DaemonSettings.defaults(), List.of());
        CountingPort counting = new CountingPort(kernel.open());
        Reconciler r = kernel.reconciler(counting);

        ApplyResult first = r.apply(d);
        assertThat(first.errors()).isEmpty();
        assertThat(first.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(first.kept()).anyMatch(s -> s instanceof Step.ConfigureLink);
        assertThat(ns.link("a0").get("master").asText()).isEqualTo("team0");
        assertThat(ns.link("b0").get("master").asText()).isEqualTo("team0");
        int team0 = ns.link("team0").get("ifindex").asInt();
        try (NetlinkSocket genl = NetlinkSocket.open(Netlink.NETLINK_GENERIC, Netns.named(ns.name()))) {
            assertThat(new TeamConfigurator(GenericNetlink.of(genl)).mode(team0, "team0")).contains("activebackup");
        }
        int writes = counting.writes();

        ApplyResult again = r.apply(d);

        assertThat(again.outcome()).as("%s", again.plan().toIpCommands()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(counting.writes()).isEqualTo(writes);
    }
}
