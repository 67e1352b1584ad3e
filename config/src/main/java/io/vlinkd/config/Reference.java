package io.vlinkd.config;

/**
 * One interface naming another ({@code master}, {@code link}, or a kind option whose type is an interface name),
 * which must be defined in the config, and which the named one depends on.
 */
record Reference(String from, String to, SourceLocation where, String key, Role role) {

    /** Which key made the reference. */
    enum Role { MASTER, LINK, OPTION, ROUTE_DEV }
}
