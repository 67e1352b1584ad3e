package io.vlinkd.config;

import io.vlinkd.netlink.route.RuleSpec;

/** One policy rule of the config ({@code rules:}), with where it was written. */
public record DesiredRule(RuleSpec rule, SourceLocation where) {
}
