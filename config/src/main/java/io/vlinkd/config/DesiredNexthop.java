package io.vlinkd.config;

import io.vlinkd.netlink.route.NexthopSpec;
import java.util.List;

/**
 * One nexthop of the config ({@code nexthops:}), with where it was written and, for a group, where each member
 * was (so a member naming a missing id is reported at that member).
 */
public record DesiredNexthop(NexthopSpec nexthop, SourceLocation where, List<SourceLocation> members) {
}
