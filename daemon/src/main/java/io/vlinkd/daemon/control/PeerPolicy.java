package io.vlinkd.daemon.control;

import java.util.Optional;
import jdk.net.UnixDomainPrincipal;

/**
 * Who may use the control socket: root, or members of one group the operator names ({@code --control-group}).
 * {@code SO_PEERCRED} gives the peer's uid and its <em>primary</em> gid at connect time; supplementary groups are
 * not visible through it, so the configured group must be the client's primary group (e.g. via {@code sg}).
 * The socket file's mode (0600, or 0660 with that group) is the first gate; this check is the second.
 */
public record PeerPolicy(Optional<String> group) implements PeerCheck {

    public static PeerPolicy rootOnly() {
        return new PeerPolicy(Optional.empty());
    }

    @Override
    public String refusal(UnixDomainPrincipal peer) {
        String user = peer.user().getName();
        // The JDK names the principals by looking up the uid/gid; an unknown id is its number.
        if (user.equals("root") || user.equals("0")) {
            return null;
        }
        if (group.isPresent() && peer.group().getName().equals(group.get())) {
            return null;
        }
        return "user " + user + " (group " + peer.group().getName() + ") may not use the control socket: only root"
                + group.map(g -> " or group " + g).orElse("");
    }
}
