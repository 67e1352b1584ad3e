package io.vlinkd.daemon.resource.rule;

import io.vlinkd.netlink.route.RuleSpec;

/** A policy rule as dumped, with its protocol (FRA_PROTOCOL: who made it; the kernel's defaults have 2). */
public record ObservedRule(RuleSpec rule, int protocol) {
}
