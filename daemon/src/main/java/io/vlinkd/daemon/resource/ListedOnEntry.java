package io.vlinkd.daemon.resource;

import io.vlinkd.config.DesiredLink;

/** One item of an interface entry's list ({@code neighbours:}, {@code fdb:}, {@code mdb:}), with its entry. */
public record ListedOnEntry<T>(DesiredLink entry, T spec) {
}
