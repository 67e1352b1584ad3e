package io.vlinkd.daemon.reconcile;

/** The kernel could not be observed or reached at all (a dump failed, the socket broke): nothing was decided. */
public class KernelException extends Exception {
    private static final long serialVersionUID = 1L;

    public KernelException(String message, Throwable cause) {
        super(message, cause);
    }

    public KernelException(String message) {
        super(message);
    }
}
