package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.kind.team.TeamConfigurator;
import io.vlinkd.netlink.wire.AttrSpace;
import java.util.List;
import java.util.Optional;

/**
 * A team: the kernel's other link aggregation driver, configured here without teamd. rtnetlink only creates it
 * ({@code type team}, no IFLA_INFO_DATA: the driver has no rtnl attributes); its mode is the "mode" option of the
 * generic netlink {@code team} family, set after creation by {@link #configure} ({@link PostCreateConfiguration}).
 * Ports join with the common {@code master: team0} (IFLA_MASTER), after the mode is set.
 *
 * <pre>
 * - name: team0
 *   kind: team
 *   team: { mode: activebackup }
 * - name: eth1
 *   master: team0
 * </pre>
 * Equivalent to: {@code ip link add team0 type team} then {@code teamnl team0 setoption mode activebackup}, then
 * {@code ip link set eth1 master team0}.
 *
 * <p>The mode changes only while the team has no ports ({@code team_change_mode}: EBUSY "No ports can be present
 * during mode change"), so a different mode on an existing team is classified as re-create. Without teamd nothing
 * runs the LACP state machine, and the kernel's activebackup mode chooses no active port by itself (it drops every
 * frame until user space sets the "activeport" option): the daemon's TeamFailover is that user space, and keeps
 * the active port on a configured port with carrier. Activebackup leaves the ports' MAC addresses alone, so give
 * the team and its ports one {@code mac:} (what teamd's default hwaddr_policy same_all does); otherwise frames for
 * the team arrive on the port as another host's and are dropped.
 */
public final class TeamKind extends AbstractLinkKind<TeamKind.TeamSpec>
        implements PostCreateConfiguration<TeamKind.TeamSpec> {
    private static final AttrSpace SPACE = AttrSpace.of("IFLA_TEAM");

    /** The team mode modules of {@code drivers/net/team/team_mode_*.c}, by their kind names. */
    static final List<String> MODES = List.of("roundrobin", "activebackup", "broadcast", "loadbalance", "random");

    /** @param mode the team mode ({@code teamnl team0 setoption mode M}), over generic netlink */
    public record TeamSpec(Optional<String> mode) implements KindSpec {
    }

    // No attribute: the mode travels over generic netlink ({@link #configure}, {@link #observe}), so it is neither in
    // IFLA_INFO_DATA nor among the ip words (teamnl sets it, in a step of its own).
    private static final List<Option> OPTIONS = List.of(
            Option.createOnly("mode", ValueType.choice(MODES.toArray(String[]::new)), "3.3",
                    "team genl option \"mode\" (broadcast 3.5, loadbalance 3.5, random 3.9); set after creation, "
                            + "changes only while the team has no ports")
                    .ip(v -> List.of())
                    .refusal("the kernel changes a team's mode only while it has no ports (EBUSY)"));

    public static final TeamKind INSTANCE = new TeamKind();

    private TeamKind() {
        super("team", TeamSpec.class, SPACE, OPTIONS);
    }

    @Override
    public boolean takesOnlyDownPorts() {
        return true;
    }

    @Override
    public Optional<String> notes() {
        return Optional.of("`mode: activebackup` works without teamd: the kernel chooses no active port by itself"
                + " and drops every frame until user space sets the team's `activeport` option, and the daemon"
                + " (`vlinkd`) is that user space. It follows the carrier of the team's configured ports (the"
                + " entries whose `master:` names the team) from link notifications and sets `activeport` at start"
                + " and whenever the active port loses carrier, to the first port with carrier in config order. A"
                + " port that regains carrier does not take the role back (no flapping); while no port has carrier"
                + " the active port stays as it is, and the first port to regain carrier takes over; a port"
                + " enslaved outside the config is never chosen. `vlinkctl"
                + " apply --once` sets no active port, nor does the daemon for a team in another namespace"
                + " (`netns:`). The activebackup mode leaves the ports' MAC addresses alone,"
                + " so give the team and its ports one `mac:` (as teamd's default `hwaddr_policy` same_all does):"
                + " a frame for the team's MAC that arrives on a port with another MAC is dropped as another"
                + " host's.");
    }

    @Override
    public Optional<PostCreateConfiguration<TeamSpec>> postCreate() {
        return Optional.of(this);
    }

    /** rtnetlink carries no team options: IFLA_INFO_DATA is never written. */
    @Override
    public boolean writesInfoData(TeamSpec spec) {
        return false;
    }

    @Override
    public TeamSpec observe(GenericNetlink genl, int ifindex, String name, TeamSpec decoded)
            throws NetlinkException {
        return new TeamSpec(new TeamConfigurator(genl).mode(ifindex, name));
    }

    @Override
    public List<String> configure(GenericNetlink genl, int ifindex, String name, TeamSpec desired)
            throws NetlinkException {
        if (desired.mode().isEmpty()) {
            return List.of();
        }
        return new TeamConfigurator(genl).setMode(ifindex, name, desired.mode().get())
                ? List.of("mode " + desired.mode().get()) : List.of();
    }

    @Override
    public List<String> commands(String name, TeamSpec desired) {
        return desired.mode().map(m -> List.of("teamnl " + name + " setoption mode " + m)).orElse(List.of());
    }
}
