package io.vlinkd.daemon.service;

/**
 * A layer this command needs is not in this build (the config loader, the reconciler or the netlink socket).
 * Commands report it and exit non-zero: never a pretended success.
 */
public class BackendUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public BackendUnavailableException(String what) {
        super(what + " is not part of this build");
    }
}
