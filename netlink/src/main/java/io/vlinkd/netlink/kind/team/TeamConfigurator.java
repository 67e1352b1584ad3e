package io.vlinkd.netlink.kind.team;

import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.GenericNetlink;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads and sets a team's options over the generic netlink {@code team} family, as {@code teamnl} does, without
 * teamd. The family id is resolved once per configurator.
 *
 * <p>Kernel rules ({@code team_change_mode} in {@code drivers/net/team/team_core.c}, formerly {@code team.c}):
 * the mode changes only while the team has no ports (EBUSY, "No ports can be present during mode change"), and
 * setting the mode it already has is an error (EINVAL, "Unable to change to the same mode the team is in"), so
 * {@link #setMode} reads the current mode first and sends nothing when it is already right. An options set that
 * the kernel applied but could not announce (ESRCH: no listener on the change_event group) counts as done once the
 * option reads back as set.
 *
 * <p>The activebackup mode ({@code drivers/net/team/team_mode_activebackup.c}) adds the u32 option "activeport":
 * the ifindex of the one port that transmits and whose received frames reach the team, 0 while none is chosen.
 * The kernel never chooses one by itself (teamd's job, or vlinkd's: see TeamFailover in the daemon); until then
 * ab_transmit drops every frame. Setting an ifindex that is not a port of the team fails with ENOENT.
 */
public final class TeamConfigurator {
    /** The option that holds a team's mode; "*NOMODE*" until one is set. */
    public static final String MODE = "mode";
    /** The activebackup mode's option: the active port's ifindex, 0 for none. */
    public static final String ACTIVE_PORT = "activeport";
    /** The kernel's name of a team without a mode (team_no_mode). */
    public static final String NO_MODE = "*NOMODE*";
    /** No such process: what a multicast to a group without listeners returns. */
    private static final int ESRCH = 3;

    private final GenericNetlink genl;
    private int familyId;

    public TeamConfigurator(GenericNetlink genl) {
        this.genl = genl;
    }

    private int family() throws NetlinkException {
        if (familyId == 0) {
            familyId = genl.familyId(TeamGenl.FAMILY);
        }
        return familyId;
    }

    /** Every option of team {@code name} (index {@code ifindex}). */
    public List<TeamGenl.TeamOption> options(int ifindex, String name) throws NetlinkException {
        NlRequest request = TeamGenl.optionsGet(family(), ifindex, name);
        try {
            return TeamGenl.decodeOptions(genl.query(request));
        } catch (MalformedMessageException e) {
            throw new NetlinkException(request.summary(), 71 /* EPROTO */, "malformed reply: " + e.getMessage(),
                    null, null);
        }
    }

    /** The team's mode, or empty when none is set yet ("*NOMODE*"). */
    public Optional<String> mode(int ifindex, String name) throws NetlinkException {
        Optional<TeamGenl.TeamOption> mode = TeamGenl.find(options(ifindex, name), MODE);
        if (mode.isEmpty()) {
            throw new NetlinkException("TEAM_CMD_OPTIONS_GET " + name, 71, "the team reported no mode option",
                    null, null);
        }
        String value = (String) mode.get().value();
        return value.equals(NO_MODE) ? Optional.empty() : Optional.of(value);
    }

    /**
     * Sets the team's mode unless it already has it. Returns true when a request was sent. Fails with EBUSY when
     * the team has ports (take them out first, or re-create the team).
     */
    public boolean setMode(int ifindex, String name, String mode) throws NetlinkException {
        if (mode(ifindex, name).equals(Optional.of(mode))) {
            return false;
        }
        set(ifindex, name, TeamGenl.TeamOption.string(MODE, mode),
                () -> mode(ifindex, name).equals(Optional.of(mode)));
        return true;
    }

    /**
     * The activebackup team's active port (an ifindex; 0 while none is chosen), or empty when the team has no
     * "activeport" option: its mode is not activebackup (yet).
     */
    public OptionalInt activePort(int ifindex, String name) throws NetlinkException {
        Optional<TeamGenl.TeamOption> active = TeamGenl.find(options(ifindex, name), ACTIVE_PORT);
        return active.map(o -> OptionalInt.of(((Long) o.value()).intValue())).orElse(OptionalInt.empty());
    }

    /**
     * Makes port {@code portIfindex} the activebackup team's active port, as {@code teamnl team0 setoption
     * activeport N}. ENOENT when it is not a port of the team; an unknown option (ENOENT as well) when the team's
     * mode is not activebackup.
     */
    public void setActivePort(int ifindex, String name, int portIfindex) throws NetlinkException {
        set(ifindex, name, TeamGenl.TeamOption.u32(ACTIVE_PORT, Integer.toUnsignedLong(portIfindex)),
                () -> activePort(ifindex, name).equals(OptionalInt.of(portIfindex)));
    }

    /** What tells whether an options set took effect although the kernel answered ESRCH. */
    @FunctionalInterface
    private interface ReadBack {
        boolean isSet() throws NetlinkException;
    }

    private void set(int ifindex, String name, TeamGenl.TeamOption option, ReadBack readBack)
            throws NetlinkException {
        NlRequest set = TeamGenl.optionsSet(family(), ifindex, name, List.of(option));
        try {
            genl.query(set);
        } catch (NetlinkException e) {
            // team_nl_cmd_options_set sets the option, then announces it on the "change_event" multicast group and
            // returns that send's error: ESRCH when nobody listens (no teamd, no teamnl monitor), although the
            // option was set. Seen on Debian's 6.1 kernel. Believe it only after reading the option back.
            if (e.errno() != ESRCH || !readBack.isSet()) {
                throw e;
            }
        }
    }
}
