package io.vlinkd.config;

/**
 * A named network namespace an interface entry puts something in: the interface itself ({@code netns:}) or the
 * other end it creates ({@code peer-netns:} of veth and vxcan).
 *
 * @param where the location of the value, where a problem with the namespace is reported
 * @param key   the key's path ({@code interfaces[veth-blue].veth.peer-netns})
 * @param peer  true for {@code peer-netns}
 */
record NetnsRef(String name, SourceLocation where, String key, boolean peer) {
}
