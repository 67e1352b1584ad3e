package io.vlinkd.daemon.resource.rule;

import io.vlinkd.netlink.route.RuleSpec;
import io.vlinkd.netlink.route.Rtnl;

/**
 * A rule vlinkd installed, as its ledger line records it: {@code rule RULE}, the rule's words joined without spaces
 * ({@code priority=100,from=10.1.0.0/16,table=100}; an IPv6 rule starts with {@code family=inet6}). The whole rule is
 * its identity: the kernel keeps two rules that differ in any selector as two rules.
 */
public record OwnedRule(String rule) {

    public static OwnedRule of(RuleSpec r) {
        StringBuilder sb = new StringBuilder(r.family() == Rtnl.AF_INET6 ? "family=inet6," : "");
        sb.append(String.join(",", r.words().stream().map(w -> w.replace(' ', '=')).toList()));
        return new OwnedRule(sb.toString());
    }
}
