package io.vlinkd.config;

import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.route.NexthopSpec;
import io.vlinkd.netlink.route.Rtnl;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads one entry of {@code nexthops}: a nexthop object in {@code ip nexthop}'s words, with the kernel's rules for
 * what goes together (rtm_to_nh_config, nh_check_attr_group). Whether a group's members exist, and are no groups,
 * is checked across files by {@link #checkGroups}.
 */
final class NexthopReader {
    static final List<Key> KEYS = List.of(
            new Key("id", ValueType.integer(1, 0xffffffffL), "NHA_ID: the nexthop's id, 1..4294967295 (ip nexthop "
                    + "add id N); required: routes (nexthop-id:) and groups name it"),
            new Key("via", ValueType.ip(), "NHA_GATEWAY: the next hop's address"),
            new Key("dev", ValueType.interfaceName(), "NHA_OIF: the device the next hop is on"),
            new Key("onlink", ValueType.bool(), "RTNH_F_ONLINK: the gateway is on dev: even without a matching "
                    + "address"),
            new Key("blackhole", ValueType.bool(), "NHA_BLACKHOLE: a nexthop that drops what it is given"),
            new Key("fdb", ValueType.bool(), "NHA_FDB: a nexthop (or group) of bridge FDB entries (a VXLAN's remote), "
                    + "not of routes"),
            new Key("family", ValueType.choice("inet", "inet6"), "A device-only or blackhole nexthop's family (the "
                    + "routes that may use it); default: that of via:, else inet"),
            new Key("group", null, "NHA_GROUP: the members, [{ id: 1, weight: 1 }, { id: 2, weight: 3 }]; weight "
                    + "1..256, default 1"),
            new Key("type", ValueType.choice("mpath", "resilient"), "NHA_GROUP_TYPE: mpath (hash-threshold, the "
                    + "default) or resilient"),
            new Key("buckets", ValueType.integer(1, 0xffff), "NHA_RES_GROUP_BUCKETS of a resilient group (default "
                    + NexthopSpec.DEFAULT_BUCKETS + ")"),
            new Key("idle-timer", ValueType.integer(0, 0xffffffffL / 100), "NHA_RES_GROUP_IDLE_TIMER of a resilient "
                    + "group, in seconds (default " + NexthopSpec.DEFAULT_IDLE_TIMER + ")"));

    static final List<Key> MEMBER_KEYS = List.of(
            new Key("id", ValueType.integer(1, 0xffffffffL), "The member nexthop's id"),
            new Key("weight", ValueType.integer(1, 256), "Its share of the flows, 1..256 (default 1)"));

    private final FileContext ctx;

    NexthopReader(FileContext ctx) {
        this.ctx = ctx;
    }

    Optional<DesiredNexthop> read(Node item, int index) {
        String indexPath = "nexthops[" + index + "]";
        Optional<Mapping> read = Mapping.read(item, ctx, indexPath, "a nexthop (a mapping with id:)");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Mapping m = read.get();
        int before = ctx.problemCount();
        Map<String, Object> v = values(m, KEYS, indexPath);
        if (!m.has("id")) {
            ctx.add(item, indexPath, "a nexthop needs id: (routes and groups name it by its id)");
        }
        String path = v.containsKey("id") ? "nexthops[" + v.get("id") + "]" : indexPath;
        boolean group = m.has("group");
        boolean blackhole = Boolean.TRUE.equals(v.get("blackhole"));
        boolean fdb = Boolean.TRUE.equals(v.get("fdb"));
        Optional<InetAddress> via = Optional.ofNullable((InetAddress) v.get("via"));
        List<NexthopSpec.Member> members = new ArrayList<>();
        List<SourceLocation> memberWhere = new ArrayList<>();
        if (group) {
            // NHA_GROUP: "No other attributes can be set in nexthop groups" (but fdb).
            notWith(m, path, "group", "a group", "via", "dev", "onlink", "blackhole", "family");
            members(m.get("group").orElseThrow().value(), path + ".group", members, memberWhere);
        } else {
            notWith(m, path, null, "a nexthop without group:", "type", "buckets", "idle-timer");
            if (blackhole) {
                // "Blackhole attribute can not be used with gateway or oif".
                notWith(m, path, "blackhole", "a blackhole nexthop", "via", "dev", "onlink", "fdb");
            } else if (fdb) {
                // "Fdb attribute can not be used with encap, oif or blackhole"; it needs a gateway.
                notWith(m, path, "fdb", "an fdb nexthop", "dev", "onlink");
                if (!m.has("via")) {
                    ctx.add(item, path, "an fdb nexthop needs via: (the remote's address)");
                }
            } else if (!m.has("dev")) {
                // "Device attribute required for non-blackhole and non-fdb nexthops".
                ctx.add(item, path, "a nexthop needs dev: (or blackhole: true, fdb: true, or group:)");
            }
            if (m.has("onlink") && Boolean.TRUE.equals(v.get("onlink")) && !m.has("via")) {
                ctx.add(m.get("onlink").orElseThrow().keyNode(), path + ".onlink", "onlink needs via:");
            }
        }
        if ((m.has("buckets") || m.has("idle-timer")) && !"resilient".equals(v.get("type"))) {
            Mapping.Field f = m.get(m.has("buckets") ? "buckets" : "idle-timer").orElseThrow();
            ctx.add(f.keyNode(), Mapping.join(path, f.key()), f.key() + ": is for a group of type: resilient");
        }
        if ("resilient".equals(v.get("type")) && fdb) {
            ctx.add(m.get("fdb").orElseThrow().keyNode(), path + ".fdb", "an fdb group is of type mpath");
        }
        Optional<Integer> given = Optional.ofNullable((String) v.get("family"))
                .map(f -> f.equals("inet6") ? Rtnl.AF_INET6 : Rtnl.AF_INET);
        int family = given.orElse(via.map(a -> IpText.bits(a) == 128 ? Rtnl.AF_INET6 : Rtnl.AF_INET)
                .orElse(Rtnl.AF_INET));
        if (via.isPresent() && given.isPresent() && (IpText.bits(via.get()) == 128) != (family == Rtnl.AF_INET6)) {
            ctx.add(m.get("via").orElseThrow().value(), path + ".via", "via " + IpText.format(via.get()) + " is "
                    + IpText.family(via.get()) + " but family: is " + v.get("family"));
        }
        if (ctx.problemCount() != before) {
            return Optional.empty();
        }
        long id = (Long) v.get("id");
        NexthopSpec n;
        if (group) {
            n = "resilient".equals(v.get("type"))
                    ? NexthopSpec.resilient(id, members, ((Long) v.getOrDefault("buckets",
                    (long) NexthopSpec.DEFAULT_BUCKETS)).intValue(),
                    (Long) v.getOrDefault("idle-timer", NexthopSpec.DEFAULT_IDLE_TIMER))
                    : NexthopSpec.group(id, members, fdb);
        } else if (blackhole) {
            n = NexthopSpec.blackhole(id, family);
        } else {
            n = NexthopSpec.single(id, family, via, Optional.ofNullable((String) v.get("dev")),
                    Boolean.TRUE.equals(v.get("onlink")), fdb);
        }
        return Optional.of(new DesiredNexthop(n, ctx.at(item), List.copyOf(memberWhere)));
    }

    private Map<String, Object> values(Mapping m, List<Key> keys, String path) {
        for (Mapping.Field f : m.fields()) {
            if (!Key.names(keys).contains(f.key())) {
                ctx.add(f.keyNode(), Mapping.join(path, f.key()), "unknown key" + Near.hint(f.key(), Key.names(keys)));
            }
        }
        Map<String, Object> v = new HashMap<>();
        for (Key k : keys) {
            Optional<Mapping.Field> f = m.get(k.key());
            if (f.isPresent() && k.type() != null) {
                Values.read(f.get().value(), k.type(), ctx, Mapping.join(path, k.key()), new ArrayList<>())
                        .ifPresent(x -> v.put(k.key(), x));
            }
        }
        return v;
    }

    /** Reports each of {@code keys} that {@code m} has: it does not go with {@code what}. */
    private void notWith(Mapping m, String path, String because, String what, String... keys) {
        for (String key : keys) {
            if (m.has(key) && (because == null || !key.equals(because))) {
                ctx.add(m.get(key).orElseThrow().keyNode(), Mapping.join(path, key), what + " takes no " + key
                        + ":");
            }
        }
    }

    private void members(Node node, String path, List<NexthopSpec.Member> out, List<SourceLocation> where) {
        if (!(node instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            ctx.add(node, path, "expected a list of members like [{ id: 1 }, { id: 2, weight: 3 }], got "
                    + Values.describe(node));
            return;
        }
        Map<Long, Integer> seen = new HashMap<>();
        int i = 0;
        for (Node item : seq.getValue()) {
            String itemPath = path + "[" + i++ + "]";
            Optional<Mapping> read = Mapping.read(item, ctx, itemPath, "a member (a mapping with id:)");
            if (read.isEmpty()) {
                continue;
            }
            Map<String, Object> v = values(read.get(), MEMBER_KEYS, itemPath);
            if (!read.get().has("id")) {
                ctx.add(item, itemPath, "a member needs id:");
                continue;
            }
            if (!v.containsKey("id")) {
                continue;
            }
            long id = (Long) v.get("id");
            if (seen.putIfAbsent(id, i) != null) {
                // nh_check_attr_group(): "Duplicate nexthop id in group".
                ctx.add(item, itemPath, "nexthop " + id + " is in the group twice");
                continue;
            }
            out.add(new NexthopSpec.Member(id, ((Long) v.getOrDefault("weight", 1L)).intValue()));
            where.add(ctx.at(item));
        }
    }

    /**
     * What the kernel checks of a group against its members (nh_check_attr_group, nexthop_create_group): each
     * exists ("Invalid nexthop id"), none is a group ("Multipath group can not be a nexthop within a group"), an
     * fdb group has only fdb members and the others none ("FDB nexthop group can only have fdb nexthops"), and a
     * blackhole is a group's only member. Reports through {@code add} (where, key, message).
     */
    static void checkGroups(List<DesiredNexthop> all, Problems add) {
        Map<Long, NexthopSpec> byId = new HashMap<>();
        all.forEach(d -> byId.putIfAbsent(d.nexthop().id(), d.nexthop()));
        for (DesiredNexthop d : all) {
            NexthopSpec g = d.nexthop();
            for (int i = 0; i < g.group().size(); i++) {
                long id = g.group().get(i).id();
                NexthopSpec member = byId.get(id);
                String key = "nexthops[" + g.id() + "].group[" + i + "]";
                SourceLocation at = d.members().get(i);
                if (member == null) {
                    add.add(at, key, "nexthop " + id + " is not in nexthops:");
                } else if (member.isGroup()) {
                    add.add(at, key, "nexthop " + id + " is a group; the kernel does not nest groups");
                } else if (member.fdb() != g.fdb()) {
                    add.add(at, key, "nexthop " + id + (member.fdb() ? " is an fdb nexthop but the group is not"
                            : " is not an fdb nexthop but the group is"));
                } else if (member.blackhole() && g.group().size() > 1) {
                    add.add(at, key, "nexthop " + id + " is a blackhole, which can only be a group's only member");
                }
            }
        }
    }

    /** Where a problem goes. */
    interface Problems {
        void add(SourceLocation where, String key, String message);
    }
}
