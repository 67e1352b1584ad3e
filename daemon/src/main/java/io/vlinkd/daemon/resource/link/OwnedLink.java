package io.vlinkd.daemon.resource.link;

/**
 * A link vlinkd created: name, the ifindex it got, and its kind. The index tells our link from a namesake someone
 * else made after ours was deleted behind our back.
 */
public record OwnedLink(String name, int ifindex, String kind) {
}
