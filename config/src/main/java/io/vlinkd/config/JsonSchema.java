package io.vlinkd.config;

import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.kind.MtuRule;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.ip.Ipv4Setting;
import io.vlinkd.netlink.port.PortMaster;
import io.vlinkd.netlink.port.PortOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The config format as a JSON Schema (draft 2020-12), generated from the same tables the loader reads: the common
 * keys here and every kind's {@link Option}s. Editors use it to complete and check files; {@code vlinkctl schema}
 * prints it. The schema checks shape, types, ranges and words; what needs the whole config (references, cycles,
 * duplicates) or a kind's cross-option rules is left to the loader.
 */
public final class JsonSchema {
    public static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";
    public static final String ID = "https://vlinkd.io/schema/config.json";

    /** A dotted quad without leading zeros, each part 0..255. */
    private static final String V4 = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
            + "(\\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])){3}";
    /** Loose: hex, colons and dots with at least one colon; the loader checks the rest. */
    private static final String V6 = "[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*";

    private JsonSchema() {
    }

    public static String generate() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("$schema", DRAFT);
        root.put("$id", ID);
        root.put("title", "vlinkd configuration");
        root.put("description", "Files under /etc/vlinkd/*.yaml, read in lexical order and merged.");
        root.put("type", List.of("object", "null"));
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("interfaces", array(Map.of("$ref", "#/$defs/interface"), "Interfaces to create, configure or delete"));
        top.put("routes", array(Map.of("$ref", "#/$defs/route"), "Routes vlinkd installs and owns"));
        top.put("rules", array(Map.of("$ref", "#/$defs/rule"), "Policy routing rules vlinkd installs and owns"));
        top.put("nexthops", array(Map.of("$ref", "#/$defs/nexthop"), "Nexthop objects and groups vlinkd installs and "
                + "owns"));
        Map<String, Object> settings = object(keys(Keys.SETTINGS), "Daemon policy");
        settings.put("type", List.of("object", "null")); // "settings:" with nothing under it: the defaults
        top.put("settings", settings);
        root.put("properties", top);
        root.put("additionalProperties", false);

        Map<String, Object> defs = new LinkedHashMap<>();
        defs.put("interface", interfaceSchema());
        defs.put("address", addressSchema());
        for (EntrySection<?> section : EntrySections.ALL) {
            defs.put(section.key().key(), sectionItemSchema(section));
        }
        defs.put("route", routeSchema());
        defs.put("rule", ruleSchema());
        defs.put("nexthop", nexthopSchema());
        for (PortMaster master : PortMaster.values()) {
            Map<String, Object> props = new LinkedHashMap<>();
            for (PortOption o : master.options()) {
                Map<String, Object> s = type(o.type());
                s.put("description", o.description() + " (changed in place)");
                props.put(o.key(), s);
            }
            defs.put(master.configKey(), object(props, "Settings of a port of a " + master.kind()));
        }
        Map<String, Object> ipv4 = new LinkedHashMap<>();
        for (Ipv4Setting s : Ipv4Setting.ALL) {
            Map<String, Object> t = type(s.type());
            t.put("description", s.description());
            ipv4.put(s.key(), t);
        }
        defs.put(Ipv4Reader.KEY.key(), object(ipv4, Ipv4Reader.KEY.description()));
        for (LinkKind<?> kind : LinkKinds.all()) {
            Map<String, Object> props = new LinkedHashMap<>();
            for (Option o : kind.options()) {
                Map<String, Object> s = type(o.type());
                s.put("description", o.description() + " (kernel " + o.since() + "; "
                        + (o.change() == Option.Change.IN_PLACE ? "changed in place" : "change re-creates the link")
                        + ")");
                props.put(o.key(), s);
            }
            props.putAll(keys(EntrySections.shorthandKeys(kind.name())));
            Map<String, Object> section = object(props, "Options of kind " + kind.name());
            section.put("type", List.of("object", "null"));
            defs.put("kind-" + kind.name(), section);
        }
        root.put("$defs", defs);
        return Json.write(root);
    }

    private static Map<String, Object> interfaceSchema() {
        Map<String, Object> props = keys(Keys.INTERFACE);
        Map<String, Object> dependent = new LinkedHashMap<>();
        for (LinkKind<?> kind : LinkKinds.all()) {
            props.put(kind.name(), Map.of("$ref", "#/$defs/kind-" + kind.name()));
            // A kind's section goes only with that kind.
            dependent.put(kind.name(), Map.of("required", List.of("kind"),
                    "properties", Map.of("kind", Map.of("const", kind.name()))));
        }
        Map<String, Object> s = object(props, "An interface: with kind: vlinkd creates it; without, it configures an"
                + " interface expected to exist; with state: absent, it deletes it");
        s.put("required", List.of("name"));
        s.put("dependentSchemas", dependent);
        s.put("dependentRequired", Map.of("adopt", List.of("kind")));
        Map<String, Object> absent = new LinkedHashMap<>();
        absent.put("if", Map.of("required", List.of("state"), "properties",
                Map.of("state", Map.of("const", "absent"))));
        absent.put("then", Map.of("propertyNames", Map.of("enum", Keys.ABSENT)));
        s.put("allOf", List.of(absent, mtuOfKind()));
        return s;
    }

    /**
     * mtu: the kinds with their own MTUs (vcan, vxcan: CAN frame sizes), every other kind 68..65535. An entry
     * without kind: may configure a vxcan's peer, which takes CAN frame sizes; which entries are peers the schema
     * cannot tell, so such an entry keeps the key's own range (what some kind takes) and the loader checks the rest.
     */
    private static Map<String, Object> mtuOfKind() {
        List<String> own = LinkKinds.all().stream().filter(k -> k.mtu() != MtuRule.COMMON).map(LinkKind::name)
                .toList();
        MtuRule can = MtuRule.CAN;
        Map<String, Object> common = new LinkedHashMap<>();
        common.put("if", Map.of("required", List.of("kind")));
        common.put("then", Map.of("properties", Map.of("mtu", Map.of("minimum", MtuRule.COMMON.rangeMin(),
                "maximum", MtuRule.COMMON.rangeMax()))));
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("if", Map.of("required", List.of("kind"), "properties", Map.of("kind", Map.of("enum", own))));
        rule.put("then", Map.of("properties", Map.of("mtu", Map.of("anyOf", List.of(
                Map.of("enum", can.singles()),
                Map.of("type", "integer", "minimum", can.rangeMin(), "maximum", can.rangeMax()))))));
        rule.put("else", common);
        return rule;
    }

    private static Map<String, Object> addressSchema() {
        Map<String, Object> props = keys(Keys.ADDRESS);
        props.put("address", prefix(false, Keys.ADDRESS.get(0).description()));
        Map<String, Object> entry = object(props, "An address with options");
        entry.put("required", List.of("address"));
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", "An address with prefix length, or a mapping with address: and options");
        s.put("anyOf", List.of(prefix(false, "An address with prefix length"), entry));
        return s;
    }

    /** One item of an entry's section ({@code neighbours:}): its keys, the required ones. */
    private static Map<String, Object> sectionItemSchema(EntrySection<?> section) {
        Map<String, Object> s = object(keys(section.itemKeys()), "One of " + section.key().key() + ": "
                + section.item());
        s.put("required", section.requiredItemKeys());
        return s;
    }

    private static Map<String, Object> routeSchema() {
        Map<String, Object> props = keys(Keys.ROUTE);
        Map<String, Object> to = new LinkedHashMap<>();
        to.put("description", Keys.ROUTE.get(0).description());
        to.put("anyOf", List.of(Map.of("const", "default"), prefix(true, "A prefix or an address")));
        props.put("to", to);
        props.put("multipath", array(object(keys(Keys.ROUTE_HOP), "One path of a multipath route"),
                Keys.ROUTE.stream().filter(k -> k.key().equals("multipath")).findFirst().orElseThrow().description()));
        Map<String, Object> s = object(props, "A route");
        s.put("required", List.of("to"));
        return s;
    }

    private static Map<String, Object> ruleSchema() {
        Map<String, Object> props = keys(RuleReader.KEYS);
        props.put("from", prefix(true, "FRA_SRC: the source prefix"));
        props.put("to", prefix(true, "FRA_DST: the destination prefix"));
        Map<String, Object> s = object(props, "A policy routing rule");
        s.put("required", List.of("priority"));
        return s;
    }

    private static Map<String, Object> nexthopSchema() {
        Map<String, Object> props = keys(NexthopReader.KEYS);
        Map<String, Object> member = object(keys(NexthopReader.MEMBER_KEYS), "A member of a group");
        member.put("required", List.of("id"));
        props.put("group", array(member, "NHA_GROUP: the members, each with its weight"));
        Map<String, Object> s = object(props, "A nexthop object or group (ip nexthop)");
        s.put("required", List.of("id"));
        return s;
    }

    private static Map<String, Object> prefix(boolean bareAllowed, String description) {
        String v4len = "/(3[0-2]|[12]?[0-9])";
        String v6len = "/(12[0-8]|1[01][0-9]|[1-9]?[0-9])";
        String opt = bareAllowed ? "?" : "";
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "string");
        s.put("pattern", "^(" + V4 + "(" + v4len + ")" + opt + "|" + V6 + "(" + v6len + ")" + opt + ")$");
        s.put("description", description);
        return s;
    }

    private static Map<String, Object> keys(List<Key> keys) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (Key k : keys) {
            Map<String, Object> s;
            boolean ownDef = k == Ipv4Reader.KEY
                    || Arrays.stream(PortMaster.values()).anyMatch(m -> m.configKey().equals(k.key()));
            if (ownDef) {
                s = new LinkedHashMap<>(Map.of("$ref", "#/$defs/" + k.key()));
            } else if (k == Keys.ADDRESSES || EntrySections.ALL.stream().anyMatch(e -> e.key() == k)) {
                s = new LinkedHashMap<>();
                s.put("type", "array");
                s.put("items", Map.of("$ref", "#/$defs/" + (k == Keys.ADDRESSES ? "address" : k.key())));
            } else if (k.type() == null) {
                continue; // given by the caller
            } else {
                s = type(k.type());
            }
            s.put("description", k.description());
            props.put(k.key(), s);
        }
        return props;
    }

    private static Map<String, Object> object(Map<String, Object> properties, String description) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", description);
        s.put("type", "object");
        s.put("properties", properties);
        s.put("additionalProperties", false);
        return s;
    }

    private static Map<String, Object> array(Object items, String description) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("description", description);
        s.put("type", List.of("array", "null"));
        s.put("items", items);
        return s;
    }

    /** The schema of one value type; the same model {@link Values} converts with. */
    static Map<String, Object> type(ValueType t) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (t instanceof ValueType.Bool) {
            s.put("type", "boolean");
        } else if (t instanceof ValueType.Int i) {
            s.put("type", "integer");
            s.put("minimum", i.min());
            s.put("maximum", i.max());
        } else if (t instanceof ValueType.Choice c) {
            s.put("type", "string");
            s.put("enum", c.words());
        } else if (t instanceof ValueType.Text x) {
            // maxLength counts characters; a character is at least one byte, so this never refuses valid text.
            s.put("type", "string");
            s.put("maxLength", x.maxBytes());
        } else if (t instanceof ValueType.InterfaceName || t instanceof ValueType.PeerName) {
            s.put("type", "string");
            s.put("minLength", 1);
            s.put("maxLength", Names.MAX_INTERFACE_NAME_BYTES);
            s.put("pattern", "^[^/:\\s]+$");
            s.put("not", Map.of("enum", List.of(".", "..")));
        } else if (t instanceof ValueType.Ip ip) {
            s.put("type", "string");
            s.put("pattern", switch (ip.family()) {
                case V4 -> "^" + V4 + "$";
                case V6 -> "^" + V6 + "$";
                case ANY -> "^(" + V4 + "|" + V6 + ")$";
            });
        } else if (t instanceof ValueType.Mac) {
            s.put("type", "string");
            s.put("pattern", "^[0-9A-Fa-f]{2}(:[0-9A-Fa-f]{2}){5}$");
        } else if (t instanceof ValueType.ListOf l) {
            s.put("type", "array");
            s.put("items", type(l.element()));
        } else if (t instanceof ValueType.IntMap m) {
            s.put("type", "object");
            s.put("propertyNames", Map.of("pattern", "^(0|[1-9][0-9]*)$"));
            s.put("additionalProperties", type(m.value()));
        } else if (t instanceof ValueType.AnyOf a) {
            List<Object> alternatives = new ArrayList<>();
            a.alternatives().forEach(x -> alternatives.add(type(x)));
            s.put("anyOf", alternatives);
        } else {
            throw new IllegalStateException("unknown value type " + t);
        }
        return s;
    }
}
