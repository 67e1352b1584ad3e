package io.vlinkd.daemon.resource.rule;

import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.route.RuleRequests;
import io.vlinkd.netlink.route.RuleSpec;
import io.vlinkd.netlink.wire.NlRequest;

/**
 * {@code ip rule add|del ... proto P}. A rule is on no interface (its iif and oif are names the kernel matches, which
 * need not exist), so a step names the rule itself. The kernel has no replace for rules: one that changes is
 * another rule, added, and the old one deleted.
 */
public record RuleObject(RuleSpec rule, int protocol) implements KernelObject {
    @Override
    public String link() {
        return noun();
    }

    @Override
    public String noun() {
        return "rule " + rule;
    }

    @Override
    public Phase addPhase() {
        return Phase.ADD_RULE;
    }

    @Override
    public Phase deletePhase() {
        return Phase.DELETE_RULE;
    }

    @Override
    public NlRequest add(EncodeContext ctx) {
        return RuleRequests.add(rule, protocol);
    }

    /** Never planned: {@link RuleType#replacesInPlace} is false; an add, as a rule cannot change in place. */
    @Override
    public NlRequest replace(EncodeContext ctx) {
        return add(ctx);
    }

    @Override
    public NlRequest delete(EncodeContext ctx) {
        return RuleRequests.delete(rule, protocol);
    }

    @Override
    public String ipCommand(String verb) {
        return RuleRequests.command(verb, rule, protocol);
    }

    @Override
    public void own(Ledger ledger) {
        ledger.lines(RuleType.TYPE).add(OwnedRule.of(rule));
    }

    @Override
    public void disown(Ledger ledger) {
        ledger.lines(RuleType.TYPE).remove(OwnedRule.of(rule));
    }
}
