package io.vlinkd.netlink.kind.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.GenericNetlink;
import io.vlinkd.netlink.kind.TeamKind;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The configurator against a fake team family that keeps a mode and applies the kernel's two mode rules. */
class TeamConfiguratorTest {

    /** A fake "team" family: one team, index 5, with a mode and a port count. */
    static final class FakeTeamFamily implements GenericNetlink {
        String mode = TeamConfigurator.NO_MODE;
        int ports;
        /** The ifindexes of the ports, for activeport (which only a port may hold). */
        List<Integer> portIndexes = new ArrayList<>();
        /** activebackup's option; reported only in that mode, as team_mode_activebackup registers it. */
        long activePort;
        int resolutions;
        /** Like team_nl_cmd_options_set without a change_event listener: set, then answer ESRCH. */
        boolean noListener;
        final List<String> sent = new ArrayList<>();

        @Override
        public int familyId(String name) throws NetlinkException {
            resolutions++;
            if (!name.equals("team")) {
                throw new NetlinkException("CTRL_CMD_GETFAMILY " + name, Errno.ENOENT, "no such family", null, null);
            }
            return 0x1c;
        }

        @Override
        public List<NlMessage> query(NlRequest request) throws NetlinkException {
            sent.add(request.summary());
            try {
                NlMessage m = NlMessage.parseOne(request.bytes());
                if (m.type() != 0x1c) {
                    throw new NetlinkException(request.summary(), Errno.EINVAL, "wrong family", null, null);
                }
                Attrs a = m.attributesAfter(4);
                if (a.integer(TeamGenl.TEAM_ATTR_TEAM_IFINDEX).orElse(0L) != 5) {
                    throw new NetlinkException(request.summary(), Errno.ENODEV, null, null, null);
                }
                if (m.u8(0) == TeamGenl.TEAM_CMD_OPTIONS_GET) {
                    MessageWriter w = MessageWriter.request(0x1c, 0).u8(TeamGenl.TEAM_CMD_OPTIONS_GET).u8(1).u16(0);
                    w.putInt(TeamGenl.TEAM_ATTR_TEAM_IFINDEX, 5);
                    List<TeamGenl.TeamOption> options = new ArrayList<>();
                    options.add(TeamGenl.TeamOption.string("mode", mode));
                    if (mode.equals("activebackup")) {
                        options.add(TeamGenl.TeamOption.u32(TeamConfigurator.ACTIVE_PORT, activePort));
                    }
                    byte[] set = TeamGenl.optionsSet(0x1c, 5, "x", options).bytes();
                    NlMessage asReply = NlMessage.parseOne(set);
                    List<NlMessage> out = new ArrayList<>();
                    out.add(asReply);
                    return out;
                }
                TeamGenl.TeamOption option = TeamGenl.decodeOptions(List.of(m)).get(0);
                if (option.name().equals(TeamConfigurator.ACTIVE_PORT)) {
                    long port = (Long) option.value();
                    // ab_active_port_set: ENOENT unless the ifindex is a port; no such option in other modes.
                    if (!mode.equals("activebackup") || !portIndexes.contains((int) port)) {
                        throw new NetlinkException(request.summary(), Errno.ENOENT, null, null, null);
                    }
                    activePort = port;
                    if (noListener) {
                        throw new NetlinkException(request.summary(), 3 /* ESRCH */, null, null, null);
                    }
                    return List.of();
                }
                String wanted = (String) option.value();
                if (ports > 0) {
                    throw new NetlinkException(request.summary(), Errno.EBUSY, null, null, null);
                }
                if (wanted.equals(mode)) {
                    throw new NetlinkException(request.summary(), Errno.EINVAL, null, null, null);
                }
                mode = wanted;
                if (noListener) {
                    throw new NetlinkException(request.summary(), 3 /* ESRCH */, null, null, null);
                }
                return List.of();
            } catch (MalformedMessageException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aNewTeamHasNoMode() throws Exception {
        assertThat(new TeamConfigurator(new FakeTeamFamily()).mode(5, "team0")).isEmpty();
    }

    @Test
    void setsTheModeOfANewTeam() throws Exception {
        FakeTeamFamily f = new FakeTeamFamily();
        assertThat(new TeamConfigurator(f).setMode(5, "team0", "activebackup")).isTrue();
        assertThat(f.mode).isEqualTo("activebackup");
        assertThat(f.sent).containsExactly("TEAM_CMD_OPTIONS_GET team0",
                "TEAM_CMD_OPTIONS_SET team0 mode=activebackup");
        assertThat(f.resolutions).isEqualTo(1);
    }

    @Test
    void aSetThatNobodyHeardAnnouncedStillCountsOnceTheModeReadsBack() throws Exception {
        FakeTeamFamily f = new FakeTeamFamily();
        f.noListener = true;
        assertThat(new TeamConfigurator(f).setMode(5, "team0", "broadcast")).isTrue();
        assertThat(f.sent).containsExactly("TEAM_CMD_OPTIONS_GET team0",
                "TEAM_CMD_OPTIONS_SET team0 mode=broadcast", "TEAM_CMD_OPTIONS_GET team0");
    }

    @Test
    void sendsNothingWhenTheModeIsAlreadyRight() throws Exception {
        FakeTeamFamily f = new FakeTeamFamily();
        f.mode = "loadbalance";
        assertThat(new TeamConfigurator(f).setMode(5, "team0", "loadbalance")).isFalse();
        assertThat(f.sent).containsExactly("TEAM_CMD_OPTIONS_GET team0");
    }

    @Test
    void aTeamWithPortsRefusesAModeChange() {
        FakeTeamFamily f = new FakeTeamFamily();
        f.mode = "roundrobin";
        f.ports = 1;
        assertThatThrownBy(() -> new TeamConfigurator(f).setMode(5, "team0", "broadcast"))
                .isInstanceOf(NetlinkException.class)
                .satisfies(e -> assertThat(((NetlinkException) e).errno()).isEqualTo(Errno.EBUSY));
    }

    @Test
    void theKindConfiguresAndObservesThroughTheConfigurator() throws Exception {
        FakeTeamFamily f = new FakeTeamFamily();
        TeamKind.TeamSpec want = new TeamKind.TeamSpec(Optional.of("random"));
        assertThat(TeamKind.INSTANCE.configure(f, 5, "team0", want)).containsExactly("mode random");
        assertThat(TeamKind.INSTANCE.configure(f, 5, "team0", want)).isEmpty();
        assertThat(TeamKind.INSTANCE.observe(f, 5, "team0", new TeamKind.TeamSpec(Optional.empty())))
                .isEqualTo(want);
        assertThat(TeamKind.INSTANCE.configure(f, 5, "team0", new TeamKind.TeamSpec(Optional.empty()))).isEmpty();
    }

    @Test
    void anActivebackupTeamReportsItsActivePortAndOtherModesHaveNone() throws Exception {
        FakeTeamFamily f = new FakeTeamFamily();
        f.mode = "roundrobin";
        assertThat(new TeamConfigurator(f).activePort(5, "team0")).isEmpty();
        f.mode = "activebackup";
        assertThat(new TeamConfigurator(f).activePort(5, "team0")).hasValue(0);
    }

    @Test
    void setsTheActivePortAsAU32Ifindex() throws Exception {
        FakeTeamFamily f = new FakeTeamFamily();
        f.mode = "activebackup";
        f.portIndexes = List.of(7, 8);
        TeamConfigurator team = new TeamConfigurator(f);
        team.setActivePort(5, "team0", 8);
        assertThat(f.activePort).isEqualTo(8);
        assertThat(team.activePort(5, "team0")).hasValue(8);
        assertThat(f.sent).contains("TEAM_CMD_OPTIONS_SET team0 activeport=8");
    }

    @Test
    void anActivePortSetNobodyHeardAnnouncedCountsOnceItReadsBack() throws Exception {
        FakeTeamFamily f = new FakeTeamFamily();
        f.mode = "activebackup";
        f.portIndexes = List.of(7);
        f.noListener = true;
        new TeamConfigurator(f).setActivePort(5, "team0", 7);
        assertThat(f.activePort).isEqualTo(7);
        assertThat(f.sent).containsExactly("TEAM_CMD_OPTIONS_SET team0 activeport=7", "TEAM_CMD_OPTIONS_GET team0");
    }

    @Test
    void anActivePortThatIsNotAPortIsRefused() {
        FakeTeamFamily f = new FakeTeamFamily();
        f.mode = "activebackup";
        f.portIndexes = List.of(7);
        assertThatThrownBy(() -> new TeamConfigurator(f).setActivePort(5, "team0", 9))
                .isInstanceOf(NetlinkException.class)
                .satisfies(e -> assertThat(((NetlinkException) e).errno()).isEqualTo(Errno.ENOENT));
    }
}
