package io.vlinkd.config;

import io.vlinkd.netlink.route.RouteSpec;

/** A configured route and where it was written. */
public record DesiredRoute(RouteSpec route, SourceLocation where) {
}
