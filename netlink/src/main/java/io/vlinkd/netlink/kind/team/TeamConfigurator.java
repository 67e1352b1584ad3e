package io.vlinkd.netlink.kind.team;

import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.GenericNetlink;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.List;
import java.util.Optional;

/**
 * Reads and sets a team's options over the generic netlink {@code team} family, as {@code teamnl} does, without
 * teamd. The family id is resolved once per configurator.
 *
 * <p>Kernel rules ({@code team_change_mode} in {@code drivers/net/team/team_core.c}, formerly {@code team.c}):
 * the mode changes only while the team has no ports (EBUSY, "No ports can be present during mode change"), and
 * setting the mode it already has is an error (EINVAL, "Unable to change to the same mode the team is in"), so
 * {@link #setMode} reads the current mode first and sends nothing when it is already right. An options set that
 * the kernel applied but could not announce (ESRCH: no listener on the change_event group) counts as done once the
 * mode reads back as set.
 */
public final class TeamConfigurator {
    /** The option that holds a team's mode; "*NOMODE*" until one is set. */
    public static final String MODE = "mode";
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
        NlRequest set = TeamGenl.optionsSet(family(), ifindex, name, List.of(TeamGenl.TeamOption.string(MODE, mode)));
        try {
            genl.query(set);
        } catch (NetlinkException e) {
            // team_nl_cmd_options_set sets the option, then announces it on the "change_event" multicast group and
            // returns that send's error: ESRCH when nobody listens (no teamd, no teamnl monitor), although the
            // option was set. Seen on Debian's 6.1 kernel. Believe it only after reading the mode back.
            if (e.errno() != ESRCH || !mode(ifindex, name).equals(Optional.of(mode))) {
                throw e;
            }
        }
        return true;
    }
}
