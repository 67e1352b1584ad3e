package io.vlinkd.daemon.resource.rule;

import io.vlinkd.daemon.reconcile.Phase;
import io.vlinkd.daemon.resource.ObjectForm;
import io.vlinkd.daemon.resource.ObjectForm.Ledgered;
import io.vlinkd.daemon.resource.ResourceObject;
import io.vlinkd.netlink.route.RuleRequests;
import io.vlinkd.netlink.route.RuleSpec;
import java.util.Optional;

/**
 * {@code ip rule add|del ... proto P}. A rule is on no interface (its iif and oif are names the kernel matches, which
 * need not exist), so a step names the rule itself. The kernel has no replace for rules: one that changes is
 * another rule, added, and the old one deleted ({@link RuleType#replacesInPlace} is false, so no replace is planned).
 */
final class RuleObject {
    private static final ObjectForm<RuleSpec> FORM = ObjectForm.replacedByAdd(r -> "rule " + r,
            Phase.ADD_RULE, Phase.DELETE_RULE,
            (ctx, link, r, protocol) -> RuleRequests.add(r, protocol),
            (ctx, link, r, protocol) -> RuleRequests.delete(r, protocol),
            (verb, link, r, protocol) -> RuleRequests.command(verb, r, protocol),
            Ledgered.line(RuleType.TYPE, OwnedRule::of));

    private RuleObject() {
    }

    static ResourceObject<RuleSpec> of(RuleSpec rule, int protocol) {
        return FORM.onDevice(Optional.empty(), rule, protocol);
    }
}
