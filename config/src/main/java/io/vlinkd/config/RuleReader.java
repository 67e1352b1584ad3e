package io.vlinkd.config;

import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.route.RuleAction;
import io.vlinkd.netlink.route.RuleSpec;
import io.vlinkd.netlink.route.Rtnl;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads one entry of {@code rules}: a policy routing rule in {@code ip rule}'s words, with the kernel's rules for
 * families, actions and ranges.
 */
final class RuleReader {
    /** fib_rule_port_range_valid(): neither end 0, the end not 65535 ("Invalid sport range"). */
    private static final long MAX_PORT = 65534;
    private static final ValueType.AnyOf RANGE_16 = ValueType.AnyOf.of(ValueType.integer(1, MAX_PORT),
            new ValueType.Text(11));

    static final List<Key> KEYS = List.of(
            new Key("priority", ValueType.integer(1, 0xffffffffL), "FRA_PRIORITY: the rule's preference, lower "
                    + "first (ip rule add priority N); required: vlinkd tells its rules apart by it and what they match"),
            new Key("family", ValueType.choice("inet", "inet6"), "The rule's family; default: that of from: or to:, "
                    + "else inet"),
            new Key("from", null, "FRA_SRC: the source prefix (10.1.0.0/16, or an address)"),
            new Key("to", null, "FRA_DST: the destination prefix"),
            new Key("iif", ValueType.interfaceName(), "FRA_IIFNAME: the input interface (it need not exist; lo "
                    + "matches locally generated traffic)"),
            new Key("oif", ValueType.interfaceName(), "FRA_OIFNAME: the output interface of a socket bound to it"),
            new Key("fwmark", ValueType.u32(), "FRA_FWMARK: the packet's netfilter mark"),
            new Key("fwmask", ValueType.u32(), "FRA_FWMASK: the bits of fwmark compared (default all)"),
            new Key("tos", ValueType.u8(), "The IPv4 TOS to match"),
            new Key("ipproto", ValueType.AnyOf.of(ValueType.choice("tcp", "udp", "icmp", "ipv6-icmp", "sctp"),
                    ValueType.integer(1, 255)), "FRA_IP_PROTO: the IP protocol, a name or a number"),
            new Key("sport", RANGE_16, "FRA_SPORT_RANGE: a source port or a range \"1000-2000\""),
            new Key("dport", RANGE_16, "FRA_DPORT_RANGE: a destination port or a range"),
            new Key("uid-range", ValueType.AnyOf.of(ValueType.u32(), new ValueType.Text(21)), "FRA_UID_RANGE: the uids of the sockets, \"1000-1999\""),
            new Key("l3mdev", ValueType.bool(), "FRA_L3MDEV: look up in the table of the VRF of the input or output "
                    + "interface (ip rule add l3mdev); no table: then"),
            new Key("suppress-prefixlength", ValueType.integer(0, 128), "FRA_SUPPRESS_PREFIXLEN: reject a lookup's "
                    + "route whose prefix is this long or shorter (0: ignore the default route)"),
            new Key("action", ValueType.choice("lookup", "blackhole", "unreachable", "prohibit", "nop", "goto"),
                    "What a match does (default lookup: look up table:; goto: goto:)"),
            new Key("table", Keys.TABLE, "The table a lookup looks in: a name or 1..4294967295"),
            new Key("goto", ValueType.integer(1, 0xffffffffL), "FRA_GOTO: the priority of the rule to go on at"));

    private final FileContext ctx;

    RuleReader(FileContext ctx) {
        this.ctx = ctx;
    }

    Optional<DesiredRule> read(Node item, int index) {
        String path = "rules[" + index + "]";
        Optional<Mapping> read = Mapping.read(item, ctx, path, "a rule (a mapping with priority:)");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Mapping m = read.get();
        int before = ctx.problemCount();
        for (Mapping.Field f : m.fields()) {
            if (!Key.names(KEYS).contains(f.key())) {
                ctx.add(f.keyNode(), Mapping.join(path, f.key()), "unknown key" + Near.hint(f.key(), Key.names(KEYS)));
            }
        }
        Map<String, Object> v = new HashMap<>();
        for (Key k : KEYS) {
            Optional<Mapping.Field> f = m.get(k.key());
            if (f.isPresent() && k.type() != null) {
                Values.read(f.get().value(), k.type(), ctx, Mapping.join(path, k.key()), new ArrayList<>())
                        .ifPresent(x -> v.put(k.key(), x));
            }
        }
        Optional<RuleSpec.Prefix> from = prefix(m, "from", path);
        Optional<RuleSpec.Prefix> to = prefix(m, "to", path);
        if (!m.has("priority")) {
            ctx.add(item, path, "a rule needs priority: (vlinkd tells its rules apart by it; the kernel would pick "
                    + "one)");
        }
        int family = family(m, v, from, to, path);
        RuleAction action = RuleAction.ofWord((String) v.getOrDefault("action", m.has("goto") ? "goto" : "lookup"))
                .orElseThrow();
        boolean l3mdev = Boolean.TRUE.equals(v.get("l3mdev"));
        long table = Optional.ofNullable(v.get("table")).map(Keys::table).orElse(0L);
        checkAction(m, item, action, l3mdev, path);
        if (m.has("tos") && family == Rtnl.AF_INET6) {
            ctx.add(m.get("tos").orElseThrow().keyNode(), path + ".tos", "tos is for IPv4 rules only");
        }
        Optional<RuleSpec.Range> sport = range(m, v, "sport", path, MAX_PORT);
        Optional<RuleSpec.Range> dport = range(m, v, "dport", path, MAX_PORT);
        Optional<RuleSpec.Range> uids = range(m, v, "uid-range", path, 0xffffffffL);
        if (ctx.problemCount() != before) {
            return Optional.empty();
        }
        long fwmark = (Long) v.getOrDefault("fwmark", 0L);
        Object proto = v.get("ipproto");
        int ipproto = proto == null ? 0 : proto instanceof Long n ? n.intValue()
                : RuleSpec.IP_PROTOCOLS.entrySet().stream().filter(e -> e.getValue().equals(proto))
                .findFirst().orElseThrow().getKey();
        return Optional.of(new DesiredRule(new RuleSpec(family, (Long) v.get("priority"), from, to,
                Optional.ofNullable((String) v.get("iif")), Optional.ofNullable((String) v.get("oif")), fwmark,
                (Long) v.getOrDefault("fwmask", io.vlinkd.netlink.route.RuleRequests.defaultMask(fwmark)),
                ((Long) v.getOrDefault("tos", 0L)).intValue(), ipproto, sport, dport, uids, l3mdev,
                (Long) v.getOrDefault("suppress-prefixlength", -1L), action,
                action == RuleAction.LOOKUP ? table : 0, (Long) v.getOrDefault("goto", 0L)), ctx.at(item)));
    }

    /** What each action takes: a lookup a table or l3mdev (one of them), a goto its target, the others neither. */
    private void checkAction(Mapping m, Node item, RuleAction action, boolean l3mdev, String path) {
        if (action == RuleAction.LOOKUP && m.has("table") == l3mdev) {
            ctx.add(item, path, l3mdev ? "a rule with l3mdev: true takes no table: (the VRF's table is looked up)"
                    : "a lookup rule needs table: (or l3mdev: true, or another action:)");
        }
        if (action == RuleAction.GOTO && !m.has("goto")) {
            ctx.add(m.get("action").orElseThrow().value(), path + ".action", "action: goto needs goto: (the "
                    + "priority to go on at)");
        }
        for (String key : List.of("table", "goto", "l3mdev")) {
            boolean fits = key.equals("goto") ? action == RuleAction.GOTO : action == RuleAction.LOOKUP;
            if (m.has(key) && !fits) {
                ctx.add(m.get(key).orElseThrow().keyNode(), Mapping.join(path, key), key + ": does not go with "
                        + "action: " + action.word());
            }
        }
    }

    /** The family given, or that of from:/to:, else IPv4; a prefix of the other family is an error. */
    private int family(Mapping m, Map<String, Object> v, Optional<RuleSpec.Prefix> from, Optional<RuleSpec.Prefix> to,
                       String path) {
        Optional<Integer> given = Optional.ofNullable((String) v.get("family"))
                .map(f -> f.equals("inet6") ? Rtnl.AF_INET6 : Rtnl.AF_INET);
        int family = given.orElse(from.or(() -> to).map(p -> IpText.bits(p.address()) == 128 ? Rtnl.AF_INET6
                : Rtnl.AF_INET).orElse(Rtnl.AF_INET));
        for (String key : List.of("from", "to")) {
            Optional<RuleSpec.Prefix> p = key.equals("from") ? from : to;
            if (p.isPresent() && (IpText.bits(p.get().address()) == 128) != (family == Rtnl.AF_INET6)) {
                ctx.add(m.get(key).orElseThrow().value(), Mapping.join(path, key), key + " " + p.get() + " is "
                        + IpText.family(p.get().address()) + " but the rule is "
                        + (family == Rtnl.AF_INET6 ? "IPv6" : "IPv4"));
            }
        }
        return family;
    }

    private Optional<RuleSpec.Prefix> prefix(Mapping m, String key, String path) {
        Optional<Mapping.Field> f = m.get(key);
        if (f.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> s = Values.string(f.get().value());
        Prefix.Parsed parsed = s.isEmpty() ? new Prefix.Parsed.Bad("expected a prefix like 10.1.0.0/16, got "
                + Values.describe(f.get().value())) : Prefix.parse(s.get(), true);
        if (parsed instanceof Prefix.Parsed.Bad bad) {
            ctx.add(f.get().value(), Mapping.join(path, key), bad.message());
            return Optional.empty();
        }
        Prefix p = ((Prefix.Parsed.Ok) parsed).prefix();
        if (IpText.hasHostBits(p.address(), p.length())) {
            // fib_nl2rule(): the kernel keeps the masked address, so the rule would never read back as written.
            ctx.add(f.get().value(), Mapping.join(path, key), s.get() + " has host bits set beyond /" + p.length());
            return Optional.empty();
        }
        return Optional.of(new RuleSpec.Prefix(p.address(), p.length()));
    }

    /** A number or "A-B" with A <= B, within 1..{@code max} (0.. for uids). */
    private Optional<RuleSpec.Range> range(Mapping m, Map<String, Object> v, String key, String path, long max) {
        Object value = v.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Long n) {
            return Optional.of(new RuleSpec.Range(n, n));
        }
        String[] ends = ((String) value).split("-", -1);
        long min = key.equals("uid-range") ? 0 : 1;
        try {
            long a = Long.parseLong(ends[0].trim());
            long b = ends.length == 2 ? Long.parseLong(ends[1].trim()) : a;
            if (ends.length <= 2 && a >= min && a <= b && b <= max) {
                return Optional.of(new RuleSpec.Range(a, b));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        ctx.add(m.get(key).orElseThrow().value(), Mapping.join(path, key), "'" + Values.printable((String) value)
                + "' is not a number or a range A-B with " + min + " <= A <= B <= " + max);
        return Optional.empty();
    }
}
