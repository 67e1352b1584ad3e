package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.Desired.config;
import static io.vlinkd.daemon.reconcile.Desired.veth;
import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.TeamKind;
import io.vlinkd.netlink.link.LinkSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A team's mode goes over generic netlink ({@link Step.ConfigureLink}), after the create, before any port joins. */
class TeamConfigurationTest {
    @TempDir
    Path dir;

    FakeKernel kernel;
    Reconciler reconciler;

    @BeforeEach
    void setUp() {
        kernel = new FakeKernel(TeamConfigurationTest::kinds);
        reconciler = new Reconciler(kernel, new OwnershipStore(dir.resolve("owned")), new Planner(), 2,
                Duration.ZERO);
    }

    private static Optional<LinkKind<?>> kinds(String name) {
        return name.equals("team") ? Optional.of(TeamKind.INSTANCE) : TestKind.byName(name);
    }

    private static LinkSpec team(String name, String mode) {
        return LinkSpec.of(name, TeamKind.INSTANCE, new TeamKind.TeamSpec(Optional.of(mode)));
    }

    private static DesiredState teamWithPorts(String mode) {
        return config().link(team("team0", mode))
                .link(veth("a0", "a0p").withMaster("team0"))
                .link(veth("b0", "b0p").withMaster("team0"))
                .build();
    }

    private ObservedLink link(String name) {
        return kernel.observe().link(name).orElseThrow(() -> new AssertionError("no link " + name));
    }

    private static int waveOf(Plan plan, String link, Phase phase) {
        for (int w = 0; w < plan.waves().size(); w++) {
            for (Step s : plan.waves().get(w)) {
                if (s.link().equals(link) && s.phase() == phase) {
                    return w;
                }
            }
        }
        throw new AssertionError("no " + phase + " of " + link + " in\n" + plan.toIpCommands());
    }

    @Test
    void setsTheModeAfterCreatingTheTeamAndBeforeItsPortsJoin() throws Exception {
        DesiredState d = teamWithPorts("activebackup");
        Plan plan = reconciler.plan(d);
        int configure = waveOf(plan, "team0", Phase.CONFIGURE_LINK);
        assertThat(configure).isGreaterThan(waveOf(plan, "team0", Phase.CREATE_LINK));
        // The ports are created with IFLA_MASTER team0, so their create is what joins them.
        assertThat(waveOf(plan, "a0", Phase.CREATE_LINK)).isGreaterThan(configure);
        assertThat(waveOf(plan, "b0", Phase.CREATE_LINK)).isGreaterThan(configure);
        assertThat(PlanRenderer.ipCommands(plan)).anyMatch(c -> c.startsWith("teamnl team0 setoption mode activebackup"));

        ApplyResult r = reconciler.apply(d);
        assertThat(r.errors()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(link("team0").spec()).isEqualTo(new TeamKind.TeamSpec(Optional.of("activebackup")));
        assertThat(link("a0").master()).isEqualTo(link("team0").index());
        assertThat(link("b0").master()).isEqualTo(link("team0").index());
        assertThat(kernel.genlWrites()).isEqualTo(1);
    }

    @Test
    void aSecondApplyOfTheSameTeamSendsNothingAtAll() throws Exception {
        DesiredState d = teamWithPorts("activebackup");
        assertThat(reconciler.apply(d).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        int writes = kernel.writes();
        int genl = kernel.genlWrites();

        ApplyResult again = reconciler.apply(d);
        assertThat(again.outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(again.plan().steps()).isEmpty();
        assertThat(kernel.writes()).isEqualTo(writes);
        assertThat(kernel.genlWrites()).isEqualTo(genl);
    }

    @Test
    void aDifferentModeReCreatesTheTeamAsTheKindClassifiesIt() throws Exception {
        assertThat(reconciler.apply(teamWithPorts("activebackup")).outcome())
                .isEqualTo(ApplyResult.Outcome.APPLIED);
        DesiredState d = teamWithPorts("roundrobin");
        Plan plan = reconciler.plan(d);

        assertThat(TeamKind.INSTANCE.differences(new TeamKind.TeamSpec(Optional.of("roundrobin")),
                new TeamKind.TeamSpec(Optional.of("activebackup")))).singleElement()
                .satisfies(diff -> assertThat(diff.change()).isEqualTo(io.vlinkd.netlink.kind.Option.Change.RECREATE));
        assertThat(plan.steps()).filteredOn(s -> s instanceof Step.CreateLink c && c.link().equals("team0"))
                .singleElement().satisfies(s -> assertThat(s.operation()).startsWith("re-create team")
                        .contains("mode activebackup → roundrobin").contains("EBUSY"));
        assertThat(plan.steps()).noneMatch(s -> s instanceof Step.ChangeLink);
        // The ports rejoin the new team only after it has its mode.
        int configure = waveOf(plan, "team0", Phase.CONFIGURE_LINK);
        assertThat(waveOf(plan, "a0", Phase.SET_MASTER)).isGreaterThan(configure);
        assertThat(waveOf(plan, "b0", Phase.SET_MASTER)).isGreaterThan(configure);

        ApplyResult r = reconciler.apply(d);
        assertThat(r.errors()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(link("team0").spec()).isEqualTo(new TeamKind.TeamSpec(Optional.of("roundrobin")));
        assertThat(link("a0").master()).isEqualTo(link("team0").index());
        assertThat(link("b0").master()).isEqualTo(link("team0").index());
    }

    @Test
    void aRefusedModeRollsTheTeamBack() throws Exception {
        kernel.failWrite(2, 22, "injected mode refusal");
        ApplyResult r = reconciler.apply(config().link(team("team0", "activebackup")).build());
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(r.errors()).singleElement().satisfies(e -> {
            assertThat(e.step()).isInstanceOf(Step.ConfigureLink.class);
            assertThat(e.toString()).contains("team0: configure team").contains("injected mode refusal");
        });
        assertThat(kernel.observe().link("team0")).isEmpty();
    }
}
