package io.vlinkd.config;

/**
 * The {@code settings:} section.
 *
 * @param drift   {@code enforce}: repair drift of owned or configured objects; {@code report}: only log it
 * @param foreign {@code ignore}: never touch unowned links the config does not name (default);
 *                {@code report}: also log each foreign link, address and route on a configured interface once,
 *                when first seen (at start or when it appears), and list them in {@code vlinkctl status}
 * @param onError {@code rollback}: all-or-nothing (default); {@code isolate}: a failing branch is reverted alone
 * @param routeProtocol the number vlinkd marks its routes with (rtm_protocol) and its addresses with (IFA_PROTO):
 *                {@value #DEFAULT_ROUTE_PROTOCOL} by default. A mark alone never makes a route vlinkd's: the ledger
 *                must record it too; an address with the mark on a link vlinkd owns is vlinkd's even without a
 *                ledger record (the ledger was lost or damaged).
 * @param resyncInterval how often the daemon reads the whole kernel state again, and repairs what it finds, beside
 *                the view it keeps from notifications (which the kernel does not send for every change: an
 *                option of a link that is down); zero: never. {@value #DEFAULT_RESYNC_SECONDS} s by default.
 */
public record DaemonSettings(DriftPolicy drift, ForeignPolicy foreign, OnError onError, int routeProtocol,
                             java.time.Duration resyncInterval) {

    /**
     * 247 (0xf7): unused by the kernel's {@code RTPROT_*} list (0-4, 8-18, 42, 99, 186-192), by iproute2's
     * {@code /etc/iproute2/rt_protos}, and above the kernel's {@code IFAPROT_*} values (0-3).
     */
    public static final int DEFAULT_ROUTE_PROTOCOL = 247;
    /** The lowest number a setting may choose: 0-4 are the kernel's own (unspec, redirect, kernel, boot, static). */
    public static final int MIN_ROUTE_PROTOCOL = 5;
    public static final long DEFAULT_RESYNC_SECONDS = 600;

    public DaemonSettings(DriftPolicy drift, ForeignPolicy foreign, OnError onError) {
        this(drift, foreign, onError, DEFAULT_ROUTE_PROTOCOL);
    }

    public DaemonSettings(DriftPolicy drift, ForeignPolicy foreign, OnError onError, int routeProtocol) {
        this(drift, foreign, onError, routeProtocol, java.time.Duration.ofSeconds(DEFAULT_RESYNC_SECONDS));
    }

    public enum DriftPolicy { ENFORCE, REPORT }

    public enum ForeignPolicy { IGNORE, REPORT }

    public enum OnError { ROLLBACK, ISOLATE }

    public static DaemonSettings defaults() {
        return new DaemonSettings(DriftPolicy.ENFORCE, ForeignPolicy.IGNORE, OnError.ROLLBACK, DEFAULT_ROUTE_PROTOCOL,
                java.time.Duration.ofSeconds(DEFAULT_RESYNC_SECONDS));
    }
}
