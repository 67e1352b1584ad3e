package io.vlinkd.daemon.control;

import jdk.net.UnixDomainPrincipal;

/** Decides whether a connected peer (its {@code SO_PEERCRED}) may use the control socket. */
@FunctionalInterface
public interface PeerCheck {
    /** Null when {@code peer} may connect, else the reason (logged and sent back). */
    String refusal(UnixDomainPrincipal peer);
}
