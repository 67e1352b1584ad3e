package io.vlinkd.daemon.resource.rule;

import io.vlinkd.config.DesiredRule;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.daemon.reconcile.ForeignObject;
import io.vlinkd.daemon.reconcile.KernelObject;
import io.vlinkd.daemon.reconcile.ObservedState;
import io.vlinkd.daemon.resource.ProtocolMarkedType;
import io.vlinkd.daemon.state.LedgerFields;
import io.vlinkd.netlink.route.RuleMessage;
import io.vlinkd.netlink.route.RuleRequests;
import io.vlinkd.netlink.route.RuleSpec;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Policy routing rules ({@code rules:} in the config, {@code ip rule}): keyed by the whole rule (the kernel keeps
 * rules that differ in any selector side by side), marked as vlinkd's by their protocol (FRA_PROTOCOL,
 * {@code settings.route-protocol}: {@code ip rule show proto 247}) and recorded in the ledger as {@code rule RULE}. A
 * rule that leaves the config is deleted if it is vlinkd's; the kernel's default rules (protocol kernel), a VRF's
 * l3mdev rule and anyone else's are left alone. Rules are on no link: the kernel keeps them when their interfaces
 * come and go.
 */
public final class RuleType implements ProtocolMarkedType<RuleSpec, DesiredRule, ObservedRule, OwnedRule> {

    public static final RuleType TYPE = new RuleType();

    private RuleType() {
    }

    @Override
    public String noun() {
        return "rule";
    }

    @Override
    public List<Integer> eventGroups() {
        return List.of(Rtnl.RTNLGRP_IPV4_RULE, Rtnl.RTNLGRP_IPV6_RULE);
    }

    @Override
    public NlRequest dumpRequest() {
        return RuleRequests.dump();
    }

    /** Every rule added or deleted is announced (fib_nl_newrule, fib_nl_delrule: notify_rule_change). */
    @Override
    public boolean announcedExactly() {
        return true;
    }

    @Override
    public Object identity(ObservedRule observed) {
        return observed;
    }

    /**
     * An IPv4 or IPv6 rule of RTM_NEWRULE or RTM_DELRULE; not one vlinkd cannot write (an inverted match, {@code ip
     * rule add not ...}, or an action of a newer kernel), which it then never compares, deletes or restores.
     */
    @Override
    public Optional<ObservedRule> decode(NlMessage message) throws MalformedMessageException {
        if (message.type() != Rtnl.RTM_NEWRULE && message.type() != Rtnl.RTM_DELRULE) {
            return Optional.empty();
        }
        int family = message.u8(0);
        if (family != Rtnl.AF_INET && family != Rtnl.AF_INET6) {
            return Optional.empty();
        }
        return RuleMessage.decode(message).filter(m -> (m.flags() & RuleMessage.FIB_RULE_INVERT) == 0)
                .map(m -> new ObservedRule(m.rule(), m.protocol()));
    }

    @Override
    public List<DesiredRule> desired(DesiredState desired) {
        return desired.rules();
    }

    @Override
    public RuleSpec key(DesiredRule desired) {
        return desired.rule();
    }

    @Override
    public SourceLocation where(DesiredRule desired) {
        return desired.where();
    }

    /** None: the kernel takes iif and oif names of interfaces that do not exist (yet). */
    @Override
    public Set<String> needs(DesiredRule desired) {
        return Set.of();
    }

    @Override
    public KernelObject object(DesiredRule desired, int protocol) {
        return RuleObject.of(desired.rule(), protocol);
    }

    @Override
    public RuleSpec observedKey(ObservedRule observed, ObservedState state) {
        return observed.rule();
    }

    @Override
    public String snapshotLine(ObservedRule observed, ObservedState state) {
        return observed.rule() + " proto " + observed.protocol();
    }

    @Override
    public int ifindex(ObservedRule observed) {
        return 0;
    }

    /** The kernel's default rules of each family (local, main, default): protocol kernel. */
    @Override
    public boolean kernels(ObservedRule observed) {
        return observed.protocol() == Rtnl.RTPROT_KERNEL;
    }

    /** The key is the whole rule: a rule at the key is the rule. */
    @Override
    public boolean matches(DesiredRule want, ObservedRule have, ObservedState observed) {
        return true;
    }

    @Override
    public boolean replacesInPlace(DesiredRule want, ObservedRule have) {
        return false;
    }

    @Override
    public KernelObject observedObject(ObservedRule have, ObservedState observed) {
        return RuleObject.of(have.rule(), have.protocol());
    }

    @Override
    public String differentOne(RuleSpec key, ObservedRule have) {
        return "the same rule " + key + " exists (proto " + have.protocol() + ")";
    }

    /** Rules are on no interface: the foreign report (objects on configured interfaces) has none. */
    @Override
    public Optional<ForeignObject> foreign(ObservedRule have, String on, DesiredState desired) {
        return Optional.empty();
    }

    @Override
    public int protocolOf(ObservedRule observed) {
        return observed.protocol();
    }

    @Override
    public String on(String dev) {
        return "a rule";
    }

    @Override
    public OwnedRule line(ObservedRule observed, ObservedState state) {
        return OwnedRule.of(observed.rule());
    }

    @Override
    public String ledgerWord() {
        return "rule";
    }

    @Override
    public String ledgerFields() {
        return "RULE";
    }

    @Override
    public void writeLine(OwnedRule line, StringBuilder to) {
        to.append(line.rule());
    }

    @Override
    public OwnedRule readLine(String[] f) throws LedgerFields.BadLine {
        if (!f[1].startsWith("priority=") && !f[1].startsWith("family=inet6,priority=")) {
            throw new LedgerFields.BadLine("RULE does not begin with priority=");
        }
        return new OwnedRule(f[1]);
    }

    @Override
    public String claimedWithoutLedger() {
        return "rules with its protocol exactly as configured";
    }
}
