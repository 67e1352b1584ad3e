package io.vlinkd.config;

/** {@code state: absent}: delete the named interface if it exists, whatever created it. */
public record AbsentLink(String name, SourceLocation where) {
}
