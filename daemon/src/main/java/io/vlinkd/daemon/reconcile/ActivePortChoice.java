package io.vlinkd.daemon.reconcile;

import java.util.List;

/**
 * Which port of an activebackup team should be the active one, given its configured ports and their carrier. Pure.
 *
 * <ul>
 *   <li>The active port keeps the role while it has carrier: a port that comes back does not take it back (no
 *       flapping, as teamd's activebackup runner without port priorities).</li>
 *   <li>When the active port has lost carrier, or none is active, the first port with carrier in config order
 *       takes over.</li>
 *   <li>When no port has carrier, the active port stays as it is (switching between dead ports helps nobody, and
 *       whichever port regains carrier first takes over then).</li>
 * </ul>
 */
public final class ActivePortChoice {
    private ActivePortChoice() {
    }

    /**
     * A configured port of the team, as the kernel reports it.
     *
     * @param index   its ifindex, the value the "activeport" option holds
     * @param carrier whether it is up with carrier (IFF_UP and IFF_LOWER_UP, ip's {@code UP,LOWER_UP})
     */
    public record Port(int index, String name, boolean carrier) {
    }

    /**
     * The ifindex that should be active: {@code current} when it should stay (possibly 0, none), else the port to
     * switch to.
     *
     * @param ports   the team's configured ports in config order, only those enslaved to it now
     * @param current the "activeport" option now: an ifindex, 0 for none
     */
    public static int choose(List<Port> ports, int current) {
        for (Port p : ports) {
            if (p.index() == current && p.carrier()) {
                return current;
            }
        }
        for (Port p : ports) {
            if (p.carrier()) {
                return p.index();
            }
        }
        return current;
    }
}
