package io.vlinkd.daemon.reconcile;

import static io.vlinkd.daemon.reconcile.Desired.config;
import static io.vlinkd.daemon.reconcile.Desired.veth;
import static io.vlinkd.daemon.reconcile.ReconcileChecks.link;
import static io.vlinkd.daemon.reconcile.ReconcileChecks.waveOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.GenericNetlink;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.PostCreateConfiguration;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.kind.TeamKind;
import io.vlinkd.netlink.link.LinkSpec;
import java.nio.file.Path;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.time.Duration;
import java.util.List;
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

        assertAppliedWithPorts(d, "activebackup");
        assertThat(kernel.genlWrites()).isEqualTo(1);
    }

    @Test
    void theModeIsAGenericNetlinkWriteOnTheIndexTheTeamHasWhenItIsSent() throws Exception {
        DesiredState d = teamWithPorts("activebackup");
        Plan plan = reconciler.plan(d);
        Step configure = plan.steps().stream().filter(s -> s.phase() == Phase.CONFIGURE_LINK).findFirst()
                .orElseThrow();
        // Not an rtnetlink request: the netlink rendering of the plan names the operation instead of bytes.
        assertThat(PlanRenderer.netlink(plan)).anyMatch(b -> b.startsWith("# team0: configure team (")
                && b.endsWith("\ngeneric netlink: teamnl team0 setoption mode activebackup\n"));
        // Before the team exists there is no index to send it to: the step fails, as a request on a missing link.
        assertThatThrownBy(() -> configure.write(new ObservedContext(kernel.observe(), kernel)))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no interface team0");

        reconciler.apply(d);
        assertThat(configure.write(new ObservedContext(kernel.observe(), kernel))).isEqualTo(new Write.LinkOptions(
                TeamKind.INSTANCE, link(kernel, "team0").index(), "team0",
                new TeamKind.TeamSpec(Optional.of("activebackup"))));
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

        assertAppliedWithPorts(d, "roundrobin");
    }

    /** Applies {@code d} without errors: team0 has {@code mode}, and a0 and b0 are its ports. */
    private void assertAppliedWithPorts(DesiredState d, String mode) throws Exception {
        ApplyResult r = reconciler.apply(d);
        assertThat(r.errors()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(link(kernel, "team0").spec()).isEqualTo(new TeamKind.TeamSpec(Optional.of(mode)));
        assertThat(link(kernel, "a0").master()).isEqualTo(link(kernel, "team0").index());
        assertThat(link(kernel, "b0").master()).isEqualTo(link(kernel, "team0").index());
    }

    /** Team, except that its kind says a mode difference is changed in place (as a kind might, without ports). */
    static final class InPlaceTeam implements LinkKind<TeamKind.TeamSpec>,
            PostCreateConfiguration<TeamKind.TeamSpec> {
        static final InPlaceTeam INSTANCE = new InPlaceTeam();
        private final TeamKind team = TeamKind.INSTANCE;

        @Override
        public String name() {
            return team.name();
        }

        @Override
        public Class<TeamKind.TeamSpec> specType() {
            return team.specType();
        }

        @Override
        public AttrSpace dataSpace() {
            return team.dataSpace();
        }

        @Override
        public List<Option> options() {
            return team.options();
        }

        @Override
        public TeamKind.TeamSpec fromOptions(OptionValues values, LinkCommon common, Problems problems) {
            return team.fromOptions(values, common, problems);
        }

        @Override
        public OptionValues toOptions(TeamKind.TeamSpec spec) {
            return team.toOptions(spec);
        }

        @Override
        public Optional<PostCreateConfiguration<TeamKind.TeamSpec>> postCreate() {
            return Optional.of(this);
        }

        @Override
        public TeamKind.TeamSpec restrict(TeamKind.TeamSpec spec, java.util.Collection<String> keys) {
            return team.restrict(spec, keys);
        }

        @Override
        public TeamKind.TeamSpec overlay(TeamKind.TeamSpec top, TeamKind.TeamSpec base) {
            return team.overlay(top, base);
        }

        @Override
        public TeamKind.TeamSpec withOption(TeamKind.TeamSpec spec, String key, Object value) {
            return team.withOption(spec, key, value);
        }

        @Override
        public boolean writesInfoData(TeamKind.TeamSpec spec) {
            return false;
        }

        @Override
        public void encodeCreate(TeamKind.TeamSpec spec, EncodeContext ctx, MessageWriter w) {
        }

        @Override
        public void encodeChange(TeamKind.TeamSpec desired, EncodeContext ctx, MessageWriter w) {
        }

        @Override
        public TeamKind.TeamSpec decode(Attrs data, DecodeContext ctx) throws MalformedMessageException {
            return team.decode(data, ctx);
        }

        @Override
        public List<String> ipArgs(TeamKind.TeamSpec spec) {
            return List.of();
        }

        @Override
        public List<Difference> differences(TeamKind.TeamSpec desired, TeamKind.TeamSpec observed) {
            return team.differences(desired, observed).stream()
                    .map(d -> new Difference(d.key(), d.desired(), d.observed(), Option.Change.IN_PLACE, null))
                    .toList();
        }

        @Override
        public TeamKind.TeamSpec observe(GenericNetlink genl, int ifindex, String name, TeamKind.TeamSpec decoded) {
            throw new AssertionError("the fake kernel observes without generic netlink");
        }

        @Override
        public List<String> configure(GenericNetlink genl, int ifindex, String name, TeamKind.TeamSpec desired) {
            throw new AssertionError("the fake kernel configures without generic netlink");
        }

        @Override
        public List<String> commands(String name, TeamKind.TeamSpec desired) {
            return team.commands(name, desired);
        }
    }

    @Test
    void anInPlaceDifferenceIsAConfigurationNotALinkChangeAndIsRevertedBack() throws Exception {
        kernel = new FakeKernel(n -> n.equals("team") ? Optional.of(InPlaceTeam.INSTANCE) : TestKind.byName(n));
        reconciler = new Reconciler(kernel, new OwnershipStore(dir.resolve("owned2")), new Planner(), 2,
                Duration.ZERO);
        LinkSpec ab = LinkSpec.of("team0", InPlaceTeam.INSTANCE, new TeamKind.TeamSpec(Optional.of("activebackup")));
        assertThat(reconciler.apply(config().link(ab).build()).outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        int index = link(kernel, "team0").index();

        LinkSpec rr = LinkSpec.of("team0", InPlaceTeam.INSTANCE, new TeamKind.TeamSpec(Optional.of("roundrobin")));
        DesiredState d = config().link(rr).link(Desired.bridge("br0")).build();
        Plan plan = reconciler.plan(d);
        assertThat(plan.steps()).filteredOn(s -> s.link().equals("team0")).singleElement()
                .isInstanceOf(Step.ConfigureLink.class)
                .satisfies(s -> assertThat(s.ipCommand()).isEqualTo("teamnl team0 setoption mode roundrobin"));
        ApplyResult ok = reconciler.apply(config().link(rr).build());
        assertThat(ok.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(link(kernel, "team0").index()).as("configured in place, not re-created").isEqualTo(index);
        assertThat(link(kernel, "team0").spec()).isEqualTo(new TeamKind.TeamSpec(Optional.of("roundrobin")));

        // The bridge's create (the wave's rtnetlink write) fails; the team's configuration in the same wave runs,
        // and the rollback configures the mode back.
        kernel.failWrite(1, 22, "injected");
        ApplyResult failed = reconciler.apply(config().link(ab).link(Desired.bridge("br0")).build());
        assertThat(failed.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(link(kernel, "team0").spec()).isEqualTo(new TeamKind.TeamSpec(Optional.of("roundrobin")));
        assertThat(kernel.observe().link("br0")).isEmpty();
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
