package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenAssert;
import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.kind.TeamKind.TeamSpec;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamKindTest {
    private static final TeamKind TEAM = TeamKind.INSTANCE;

    @Test
    void createIsAPlainRtnetlinkTeamLikeIproute2s() throws Exception {
        KindGolden.assertCreate("team/create.txt", LinkSpec.of("team0", TEAM, new TeamSpec(Optional.empty())));
    }

    @Test
    void theModeNeverTravelsInRtnetlink() {
        GoldenFixture f = GoldenFixture.load("team/create.txt");
        GoldenAssert.assertSameBytes(f, LinkRequests.create(LinkSpec.of("team0", TEAM,
                new TeamSpec(Optional.of("activebackup"))), f.context()));
        assertThat(TEAM.ipArgs(new TeamSpec(Optional.of("activebackup")))).isEmpty();
        assertThat(TEAM.commands("team0", new TeamSpec(Optional.of("activebackup"))))
                .containsExactly("teamnl team0 setoption mode activebackup");
    }

    @Test
    void aDifferentModeNeedsARecreate() {
        assertThat(TEAM.differences(new TeamSpec(Optional.of("broadcast")), new TeamSpec(Optional.of("random"))))
                .containsExactly(new Difference("mode", "broadcast", "random", Option.Change.RECREATE,
                        "the kernel changes a team's mode only while it has no ports (EBUSY)"));
        assertThat(TEAM.differences(new TeamSpec(Optional.of("random")), new TeamSpec(Optional.of("random"))))
                .isEmpty();
    }

    @Test
    void everyModeIsATeamModeModule() {
        assertThat(TEAM.options()).singleElement().satisfies(o -> assertThat(o.type()).isEqualTo(
                ValueType.choice("roundrobin", "activebackup", "broadcast", "loadbalance", "random")));
    }
}
