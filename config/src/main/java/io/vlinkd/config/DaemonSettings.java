package io.vlinkd.config;

/**
 * The {@code settings:} section.
 *
 * @param drift   {@code enforce}: repair drift of owned or configured objects; {@code report}: only log it
 * @param foreign {@code ignore}: never touch unowned links the config does not name (default);
 *                {@code report}: also log each foreign link, address and route on a configured interface once,
 *                when first seen (at start or when it appears), and list them in {@code vlinkctl status}
 * @param onError {@code rollback}: all-or-nothing (default); {@code isolate}: a failing branch is reverted alone
 */
public record DaemonSettings(DriftPolicy drift, ForeignPolicy foreign, OnError onError) {

    public enum DriftPolicy { ENFORCE, REPORT }

    public enum ForeignPolicy { IGNORE, REPORT }

    public enum OnError { ROLLBACK, ISOLATE }

    public static DaemonSettings defaults() {
        return new DaemonSettings(DriftPolicy.ENFORCE, ForeignPolicy.IGNORE, OnError.ROLLBACK);
    }
}
