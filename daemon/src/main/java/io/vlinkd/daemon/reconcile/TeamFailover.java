package io.vlinkd.daemon.reconcile;

import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.GenericNetlink;
import io.vlinkd.netlink.kind.TeamKind;
import io.vlinkd.netlink.kind.team.TeamConfigurator;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.socket.EventSocket;
import io.vlinkd.netlink.socket.EventsLostException;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user space of the kernel's activebackup team mode, in place of teamd: the kernel transmits on, and accepts
 * frames from, only the port named by the team's "activeport" option, and never sets that option itself (until it
 * is set every frame is dropped). For each team the config gives {@code mode: activebackup}, this follows the
 * carrier of the team's configured ports from link notifications and sets "activeport" over the generic netlink
 * team family: at start, when the active port loses carrier, and when a port gains carrier while none with carrier
 * is active. Which port it picks is {@link ActivePortChoice}: the first with carrier in config order; no switching
 * back when an earlier port returns; no change while no port has carrier.
 *
 * <p>It has its own link-event subscription and its own sockets, so it neither waits for nor delays a reconcile;
 * it writes nothing but "activeport" of teams the config names. Run {@link #run} on a platform thread (it blocks in
 * the kernel), or drive it with {@link #pollOnce}.
 */
public final class TeamFailover implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TeamFailover.class);
    /** Between polls: how soon a failed "activeport" write is retried and a reloaded config is looked at. */
    private static final Duration POLL = Duration.ofMillis(500);

    /** Link notifications (RTNLGRP_LINK); lost ones are reported as {@link EventsLostException}. */
    @FunctionalInterface
    public interface LinkEvents {
        List<NlMessage> poll(Duration timeout) throws NetlinkException;
    }

    /** Every link now (at start and after lost notifications). */
    @FunctionalInterface
    public interface LinkDump {
        List<LinkMessage> links() throws NetlinkException;
    }

    /** A team's "activeport" option ({@link TeamConfigurator} over generic netlink; a map in tests). */
    public interface ActivePorts {
        /** The active port's ifindex (0: none), or empty when the team has no such option (not activebackup). */
        OptionalInt get(int team, String name) throws NetlinkException;

        void set(int team, String name, int port) throws NetlinkException;
    }

    /** What this needs to know of a link: who it is, whose port, and whether it carries frames. */
    private record Link(int index, String name, int master, boolean carrier) {
        static Link of(LinkMessage m) {
            int up = Rtnl.IFF_UP | Rtnl.IFF_LOWER_UP;
            return new Link(m.index(), m.name(), m.master() == null ? 0 : m.master(), (m.flags() & up) == up);
        }
    }

    private final Supplier<DesiredState> desired;
    private final LinkEvents events;
    private final LinkDump dump;
    private final ActivePorts active;
    private final AutoCloseable resources;
    private final Map<Integer, Link> links = new HashMap<>();
    /** Teams to look at on this poll, by name: touched by a notification, or whose last write failed. */
    private final Set<String> pending = new LinkedHashSet<>();
    private final Map<String, String> lastError = new HashMap<>();
    private DesiredState lastDesired;
    private boolean needsDump = true;
    private volatile boolean stopped;
    private int switches;

    public TeamFailover(Supplier<DesiredState> desired, LinkEvents events, LinkDump dump, ActivePorts active) {
        this(desired, events, dump, active, () -> { });
    }

    private TeamFailover(Supplier<DesiredState> desired, LinkEvents events, LinkDump dump, ActivePorts active,
                         AutoCloseable resources) {
        this.desired = desired;
        this.events = events;
        this.dump = dump;
        this.active = active;
        this.resources = resources;
    }

    /**
     * Over the kernel of {@code netns}: a link-event subscription, a rtnetlink socket for dumps and a generic
     * netlink socket for the team family, closed by {@link #close}. The subscription exists before the first dump,
     * so no change falls between them.
     */
    public static TeamFailover open(Netns netns, Supplier<DesiredState> desired) throws KernelException {
        EventSocket events = null;
        NetlinkSocket rtnl = null;
        NetlinkSocket genl = null;
        try {
            events = EventSocket.subscribe(netns, Rtnl.RTNLGRP_LINK);
            rtnl = NetlinkSocket.open(Netlink.NETLINK_ROUTE, netns);
            genl = NetlinkSocket.open(Netlink.NETLINK_GENERIC, netns);
        } catch (NetlinkException e) {
            closeAll(events, rtnl, genl);
            throw new KernelException("team failover: cannot open its netlink sockets: " + e.getMessage(), e);
        }
        NetlinkSocket route = rtnl;
        TeamConfigurator team = new TeamConfigurator(GenericNetlink.of(genl));
        LinkDump dump = () -> {
            List<LinkMessage> out = new ArrayList<>();
            for (NlMessage m : route.dump(LinkRequests.dumpWithoutStats())) {
                try {
                    out.add(LinkMessage.decode(m));
                } catch (MalformedMessageException e) {
                    LOG.warn("team failover: malformed link message ignored: {}", e.getMessage());
                }
            }
            return out;
        };
        ActivePorts ports = new ActivePorts() {
            @Override
            public OptionalInt get(int index, String name) throws NetlinkException {
                return team.activePort(index, name);
            }

            @Override
            public void set(int index, String name, int port) throws NetlinkException {
                team.setActivePort(index, name, port);
            }
        };
        EventSocket subscription = events;
        NetlinkSocket genlSocket = genl;
        return new TeamFailover(desired, subscription::poll, dump, ports,
                () -> closeAll(subscription, route, genlSocket));
    }

    private static void closeAll(AutoCloseable... all) {
        for (AutoCloseable c : all) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.debug("team failover: close: {}", e.getMessage());
                }
            }
        }
    }

    /** How often "activeport" was changed. */
    public synchronized int switches() {
        return switches;
    }

    public void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        try {
            while (!stopped) {
                try {
                    pollOnce(POLL);
                } catch (NetlinkException e) {
                    LOG.error("team failover: {}", e.getMessage());
                    needsDump = true;
                    sleep(Duration.ofSeconds(1));
                }
            }
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        closeAll(resources);
    }

    /**
     * Waits up to {@code timeout} for link notifications, then sets "activeport" of each activebackup team they
     * concern (all of them after a dump or a new config) where {@link ActivePortChoice} says so.
     */
    public synchronized void pollOnce(Duration timeout) throws NetlinkException {
        if (needsDump) {
            resync();
        }
        List<NlMessage> batch;
        try {
            batch = events.poll(timeout);
        } catch (EventsLostException e) {
            LOG.warn("team failover: link notifications were lost (ENOBUFS); re-reading every link");
            batch = List.of();
            resync();
        }
        for (NlMessage m : batch) {
            if (m.type() != Rtnl.RTM_NEWLINK && m.type() != Rtnl.RTM_DELLINK) {
                continue;
            }
            try {
                note(LinkMessage.decode(m));
            } catch (MalformedMessageException e) {
                LOG.warn("team failover: malformed notification ignored: {}", e.getMessage());
            }
        }
        DesiredState d = desired.get();
        Map<String, List<String>> teams = activebackupTeams(d);
        if (d != lastDesired) {
            lastDesired = d;
            pending.addAll(teams.keySet());
        }
        List<String> now = new ArrayList<>(pending);
        pending.clear();
        for (String team : now) {
            List<String> ports = teams.get(team);
            if (ports != null) {
                failOver(team, ports);
            }
        }
    }

    private void resync() throws NetlinkException {
        List<LinkMessage> all = dump.links();
        links.clear();
        for (LinkMessage m : all) {
            links.put(m.index(), Link.of(m));
        }
        needsDump = false;
        pending.addAll(activebackupTeams(desired.get()).keySet());
    }

    /** Records one notification and marks the teams it may concern: the link itself, its old and new master. */
    private void note(LinkMessage m) {
        Link before = m.isDeletion() ? links.remove(m.index()) : links.put(m.index(), Link.of(m));
        Link after = links.get(m.index());
        for (Link l : new Link[] {before, after}) {
            if (l == null) {
                continue;
            }
            pending.add(l.name());
            Link master = links.get(l.master());
            if (master != null) {
                pending.add(master.name());
            }
        }
        if (m.name() != null) {
            pending.add(m.name());
        }
    }

    /**
     * The teams whose config says {@code mode: activebackup}, each with its configured ports in config order. Only
     * entries of this namespace: one with {@code netns:} lives in another, which this does not watch.
     */
    private static Map<String, List<String>> activebackupTeams(DesiredState d) {
        Map<String, List<String>> teams = new HashMap<>();
        for (DesiredLink l : d.links()) {
            if (l.link().netns().isEmpty() && l.link().spec() instanceof TeamKind.TeamSpec t
                    && t.mode().equals(Optional.of("activebackup"))) {
                teams.put(l.name(), new ArrayList<>());
            }
        }
        for (DesiredLink l : d.links()) {
            if (l.link().netns().isEmpty()) {
                l.link().master().map(teams::get).ifPresent(ports -> ports.add(l.name()));
            }
        }
        return teams;
    }

    private void failOver(String teamName, List<String> portNames) {
        Link team = byName(teamName);
        if (team == null) {
            return; // not created yet: its creation is a notification too
        }
        List<ActivePortChoice.Port> ports = new ArrayList<>();
        for (String name : portNames) {
            Link p = byName(name);
            if (p != null && p.master() == team.index()) {
                ports.add(new ActivePortChoice.Port(p.index(), p.name(), p.carrier()));
            }
        }
        if (ports.isEmpty()) {
            return;
        }
        try {
            OptionalInt current = active.get(team.index(), teamName);
            if (current.isEmpty()) {
                return; // its mode is not activebackup yet: the reconciler sets it before the ports join
            }
            int now = current.getAsInt();
            int chosen = ActivePortChoice.choose(ports, now);
            if (chosen != now) {
                active.set(team.index(), teamName, chosen);
                switches++;
                LOG.info("{}: active port {} ({})", teamName, nameOf(chosen), why(now, ports));
            }
            lastError.remove(teamName);
        } catch (NetlinkException e) {
            pending.add(teamName); // retried on the next poll
            String message = e.getMessage();
            if (!message.equals(lastError.put(teamName, message))) {
                LOG.warn("{}: cannot set the active port: {}", teamName, message);
            }
        }
    }

    private String why(int before, List<ActivePortChoice.Port> ports) {
        if (before == 0) {
            return "activebackup had no active port";
        }
        for (ActivePortChoice.Port p : ports) {
            if (p.index() == before) {
                return p.name() + " lost carrier";
            }
        }
        return nameOf(before) + " is not a configured port of the team";
    }

    private String nameOf(int index) {
        Link l = links.get(index);
        return l == null ? "ifindex " + index : l.name();
    }

    private Link byName(String name) {
        for (Link l : links.values()) {
            if (name.equals(l.name())) {
                return l;
            }
        }
        return null;
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
