package io.vlinkd.it.kinds;

import static io.vlinkd.it.kinds.DeviceKinds.VETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.GenericNetlink;
import io.vlinkd.netlink.kind.TeamKind;
import io.vlinkd.netlink.kind.TeamKind.TeamSpec;
import io.vlinkd.netlink.kind.team.TeamConfigurator;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.Netlink;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * team without teamd (full-kernel lane: this machine's kernel has no team): created over rtnetlink, mode set and
 * read back over the generic netlink "team" family (no {@code ip} oracle exists for the mode: iproute2 prints no
 * team data and teamnl is not installed).
 */
class TeamKernelTest {
    private static final TeamKind TEAM = TeamKind.INSTANCE;

    @Test
    void createsAndDeletesATeam() throws Exception {
        KindHarness.run(KindCase.create(LinkSpec.of("team0", TEAM, new TeamSpec(Optional.empty())))
                .expect("/linkinfo/info_kind", "team"));
    }

    @Test
    void modeIsSetAfterCreationAndOnlyWithoutPorts() throws Exception {
        Assumptions.assumeTrue(TestNamespace.available(), "needs root and ip netns");
        try (TestNamespace ns = TestNamespace.create()) {
            ns.ip(VETH.split(" "));
            Assumptions.assumeTrue(ns.supportsKind("team"), "this kernel has no team: runs in the full-kernel lane");
            try (NetlinkSocket rtnl = KindHarness.open(ns);
                 NetlinkSocket genlSocket = NetlinkSocket.open(Netlink.NETLINK_GENERIC, Netns.named(ns.name()))) {
                GenericNetlink genl = GenericNetlink.of(genlSocket);
                TeamSpec want = new TeamSpec(Optional.of("activebackup"));
                LinkSpec spec = LinkSpec.of("team0", TEAM, want);
                KindHarness.create(ns, rtnl, spec);
                int index = KindHarness.index(ns, "team0");

                assertThat(new TeamConfigurator(genl).mode(index, "team0")).as("a new team has no mode").isEmpty();
                assertThat(TEAM.configure(genl, index, "team0", want)).containsExactly("mode activebackup");
                assertThat(TEAM.observe(genl, index, "team0", new TeamSpec(Optional.empty()))).isEqualTo(want);
                assertThat(TEAM.configure(genl, index, "team0", want)).as("already right: nothing sent").isEmpty();

                TeamSpec lb = new TeamSpec(Optional.of("loadbalance"));
                assertThat(TEAM.configure(genl, index, "team0", lb)).containsExactly("mode loadbalance");

                ns.ip("link", "set", "p0", "master", "team0");
                assertThat(ns.link("p0").path("master").asText()).isEqualTo("team0");
                assertThat(TEAM.differences(want, lb)).extracting(d -> d.change().name()).containsExactly("RECREATE");
                assertThatThrownBy(() -> TEAM.configure(genl, index, "team0", want))
                        .isInstanceOf(NetlinkException.class)
                        .satisfies(e -> assertThat(((NetlinkException) e).errno()).isEqualTo(Errno.EBUSY));
                assertThat(TEAM.observe(genl, index, "team0", new TeamSpec(Optional.empty()))).isEqualTo(lb);

                KindHarness.delete(ns, rtnl, "team0");
                assertThat(List.of(ns.link("p0"))).as("the port outlives its team").doesNotContainNull();
            }
        }
    }
}
