package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.TeamKind;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.socket.EventsLostException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The failover loop against a fake kernel: links with carrier and master, notifications handed out one batch per
 * poll, and teams whose "activeport" option is a map entry (absent: the team is not in activebackup mode).
 */
class TeamFailoverTest {
    private static final int UP_WITH_CARRIER = Rtnl.IFF_UP | Rtnl.IFF_LOWER_UP;
    private static final int UP_NO_CARRIER = Rtnl.IFF_UP;

    /** One link of the fake kernel. */
    private record FakeLink(int index, String name, int master, int flags) {
    }

    private final Map<Integer, FakeLink> kernel = new TreeMap<>();
    private final Deque<Object> notifications = new ArrayDeque<>();
    private final Map<Integer, Integer> activePort = new HashMap<>();
    private final List<String> sets = new ArrayList<>();
    private int dumps;
    private NetlinkException failSets;

    private final TeamFailover.ActivePorts ports = new TeamFailover.ActivePorts() {
        @Override
        public OptionalInt get(int team, String name) {
            Integer now = activePort.get(team);
            return now == null ? OptionalInt.empty() : OptionalInt.of(now);
        }

        @Override
        public void set(int team, String name, int port) throws NetlinkException {
            if (failSets != null) {
                throw failSets;
            }
            FakeLink p = kernel.get(port);
            if (p == null || p.master() != team) {
                throw new NetlinkException("TEAM_CMD_OPTIONS_SET " + name, Errno.ENOENT, null, null, null);
            }
            activePort.put(team, port);
            sets.add(name + " activeport " + p.name());
        }
    };

    private final TeamFailover.LinkEvents events = timeout -> {
        Object next = notifications.poll();
        if (next instanceof EventsLostException e) {
            throw e;
        }
        return next == null ? List.of() : List.of((NlMessage) next);
    };

    private final TeamFailover.LinkDump dump = () -> {
        dumps++;
        List<LinkMessage> out = new ArrayList<>();
        for (FakeLink l : kernel.values()) {
            try {
                out.add(LinkMessage.decode(message(Rtnl.RTM_NEWLINK, l)));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return out;
    };

    private static NlMessage message(int type, FakeLink l) throws Exception {
        MessageWriter w = MessageWriter.request(type, 0);
        new IfInfoMsg(0, 1, l.index(), l.flags(), 0).writeTo(w);
        w.putString(Ifla.IFLA_IFNAME, l.name());
        if (l.master() != 0) {
            w.putInt(Ifla.IFLA_MASTER, l.master());
        }
        return NlMessage.parseOne(w.finish("event").bytes());
    }

    private void link(int index, String name, int master, int flags) {
        kernel.put(index, new FakeLink(index, name, master, flags));
    }

    /** A change in the fake kernel and the notification that reports it. */
    private void change(int index, String name, int master, int flags) throws Exception {
        link(index, name, master, flags);
        notifications.add(message(Rtnl.RTM_NEWLINK, kernel.get(index)));
    }

    private static DesiredState team(String mode, String... ports) {
        Desired d = Desired.config().link(LinkSpec.of("team0", TeamKind.INSTANCE,
                new TeamKind.TeamSpec(Optional.ofNullable(mode))));
        for (String p : ports) {
            d.link(LinkSpec.of(p, null, null).withMaster("team0"));
        }
        return d.build();
    }

    /** The same config object on every call, as the daemon's running config between reloads. */
    private static Supplier<DesiredState> fixed(DesiredState d) {
        return () -> d;
    }

    /** team0 (index 1) in activebackup with no active port, a1 (2) and a2 (3) enslaved, both with carrier. */
    private void activebackupTeamWithTwoPorts() {
        link(1, "team0", 0, UP_WITH_CARRIER);
        link(2, "a1", 1, UP_WITH_CARRIER);
        link(3, "a2", 1, UP_WITH_CARRIER);
        activePort.put(1, 0);
    }

    private void poll(TeamFailover f) throws Exception {
        f.pollOnce(Duration.ZERO);
    }

    /** The failover loop for team0 in this mode with these ports, its config never reloaded. */
    private TeamFailover failover(String mode, String... portNames) {
        return new TeamFailover(fixed(team(mode, portNames)), events, dump, ports);
    }

    /** activebackupTeamWithTwoPorts, and its failover loop (the config naming the ports in this order) polled once. */
    private TeamFailover startedWithTwoPorts(String... configOrder) throws Exception {
        activebackupTeamWithTwoPorts();
        TeamFailover f = failover("activebackup", configOrder);
        poll(f);
        return f;
    }

    @Test
    void atStartTheFirstConfiguredPortWithCarrierBecomesActive() throws Exception {
        TeamFailover f = startedWithTwoPorts("a1", "a2");

        assertThat(sets).containsExactly("team0 activeport a1");
        assertThat(f.switches()).isEqualTo(1);
    }

    @Test
    void configOrderNotIfindexOrderDecides() throws Exception {
        TeamFailover f = startedWithTwoPorts("a2", "a1");

        assertThat(sets).containsExactly("team0 activeport a2");
    }

    @Test
    void whenTheActivePortLosesCarrierTheNextTakesOverAndItsReturnChangesNothing() throws Exception {
        TeamFailover f = startedWithTwoPorts("a1", "a2");

        change(2, "a1", 1, UP_NO_CARRIER); // the peer of a1 went down
        poll(f);
        assertThat(activePort.get(1)).isEqualTo(3);

        change(2, "a1", 1, UP_WITH_CARRIER);
        poll(f);
        assertThat(activePort.get(1)).as("no flap back").isEqualTo(3);

        change(3, "a2", 1, UP_NO_CARRIER);
        poll(f);
        assertThat(sets).containsExactly("team0 activeport a1", "team0 activeport a2", "team0 activeport a1");
        assertThat(dumps).isEqualTo(1);
    }

    @Test
    void withNoPortWithCarrierTheActivePortStaysAndTheFirstToRegainCarrierTakesOver() throws Exception {
        TeamFailover f = startedWithTwoPorts("a1", "a2");

        change(3, "a2", 1, UP_NO_CARRIER);
        poll(f);
        change(2, "a1", 1, UP_NO_CARRIER);
        poll(f);
        assertThat(activePort.get(1)).isEqualTo(2);

        change(3, "a2", 1, UP_WITH_CARRIER);
        poll(f);
        assertThat(sets).containsExactly("team0 activeport a1", "team0 activeport a2");
    }

    @Test
    void aPortTheConfigDoesNotNameIsNeverChosen() throws Exception {
        activebackupTeamWithTwoPorts();
        link(4, "foreign0", 1, UP_WITH_CARRIER);
        TeamFailover f = failover("activebackup", "a1");
        poll(f);

        change(2, "a1", 1, UP_NO_CARRIER);
        poll(f);

        assertThat(sets).containsExactly("team0 activeport a1");
    }

    @Test
    void teamsInOtherModesAreLeftAlone() throws Exception {
        activebackupTeamWithTwoPorts();
        TeamFailover f = failover("roundrobin", "a1", "a2");
        poll(f);
        TeamFailover unset = failover(null, "a1", "a2");
        poll(unset);

        assertThat(sets).isEmpty();
    }

    @Test
    void aTeamInAnotherNamespaceIsNotThisOnesToFailOver() throws Exception {
        activebackupTeamWithTwoPorts();
        DesiredState elsewhere = Desired.config()
                .link(LinkSpec.of("team0", TeamKind.INSTANCE, new TeamKind.TeamSpec(Optional.of("activebackup")))
                        .withNetns("blue"))
                .link(LinkSpec.of("a1", null, null).withMaster("team0").withNetns("blue"))
                .build();
        poll(new TeamFailover(fixed(elsewhere), events, dump, ports));

        assertThat(sets).isEmpty();
    }

    @Test
    void aTeamWhoseModeIsNotSetYetIsHandledWhenItsPortsJoin() throws Exception {
        link(1, "team0", 0, UP_WITH_CARRIER);
        TeamFailover f = failover("activebackup", "a1", "a2");
        poll(f);
        assertThat(sets).isEmpty();

        activePort.put(1, 0); // the reconciler set the mode, then the ports joined
        change(2, "a1", 1, UP_NO_CARRIER);
        change(3, "a2", 1, UP_WITH_CARRIER);
        poll(f);
        poll(f);

        assertThat(sets).containsExactly("team0 activeport a2");
    }

    @Test
    void aFailedWriteIsRetriedOnTheNextPoll() throws Exception {
        activebackupTeamWithTwoPorts();
        failSets = new NetlinkException("TEAM_CMD_OPTIONS_SET team0", Errno.EBUSY, null, null, null);
        TeamFailover f = failover("activebackup", "a1", "a2");
        poll(f);
        poll(f);
        assertThat(sets).isEmpty();

        failSets = null;
        poll(f);

        assertThat(sets).containsExactly("team0 activeport a1");
    }

    @Test
    void lostNotificationsAreMadeUpForByADump() throws Exception {
        TeamFailover f = startedWithTwoPorts("a1", "a2");

        link(2, "a1", 1, UP_NO_CARRIER); // changed, but its notification was dropped
        notifications.add(new EventsLostException("test"));
        poll(f);

        assertThat(dumps).isEqualTo(2);
        assertThat(sets).containsExactly("team0 activeport a1", "team0 activeport a2");
    }

    @Test
    void aNewConfigIsLookedAtWithoutANotification() throws Exception {
        activebackupTeamWithTwoPorts();
        DesiredState[] running = {team("roundrobin", "a1", "a2")};
        TeamFailover f = new TeamFailover(() -> running[0], events, dump, ports);
        poll(f);
        assertThat(sets).isEmpty();

        running[0] = team("activebackup", "a2", "a1");
        poll(f);

        assertThat(sets).containsExactly("team0 activeport a2");
    }
}
