package io.vlinkd.config;

import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.wire.MacAddress;
import java.math.BigInteger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Converts a YAML node to the Java value a {@link ValueType} promises (Bool→Boolean, Int→Long in range,
 * Choice/Text/InterfaceName→String, Ip→InetAddress, Mac→MacAddress, ListOf→List, IntMap→Map, AnyOf→the first
 * alternative that accepts). Scalars keep their YAML 1.2 core-schema type: {@code "42"} is text, {@code 42} an
 * integer, {@code no} the word "no", as the JSON Schema says. Interface names met on the way are returned as
 * references for the config-wide check.
 */
final class Values {
    private Values() {
    }

    /** A name that must be defined somewhere in the config. */
    record Ref(String name, Node node, String subKey) {
    }

    /** Something wrong inside a value: {@code subKey} is "" for the value itself, "[2]" for a list element. */
    record Issue(Node node, String subKey, String message) {
    }

    sealed interface Converted {
        record Ok(Object value, List<Ref> refs) implements Converted {
        }

        record Bad(List<Issue> issues) implements Converted {
        }
    }

    /** Converts, and reports issues under {@code key}; returns the value or empty when it was wrong. */
    static Optional<Object> read(Node node, ValueType type, FileContext ctx, String key, List<Ref> refs) {
        Converted c = convert(node, type);
        if (c instanceof Converted.Ok ok) {
            refs.addAll(ok.refs().stream().map(r -> new Ref(r.name(), r.node(), key + r.subKey())).toList());
            return Optional.of(ok.value());
        }
        for (Issue i : ((Converted.Bad) c).issues()) {
            ctx.add(i.node(), key + i.subKey(), i.message());
        }
        return Optional.empty();
    }

    static Converted convert(Node node, ValueType type) {
        if (type instanceof ValueType.Bool) {
            return bool(node);
        } else if (type instanceof ValueType.Int t) {
            return integer(node, t);
        } else if (type instanceof ValueType.Choice t) {
            return choice(node, t);
        } else if (type instanceof ValueType.Text t) {
            return text(node, t);
        } else if (type instanceof ValueType.InterfaceName) {
            return interfaceName(node);
        } else if (type instanceof ValueType.PeerName) {
            return peerName(node);
        } else if (type instanceof ValueType.Ip t) {
            return ip(node, t);
        } else if (type instanceof ValueType.Mac) {
            return mac(node);
        } else if (type instanceof ValueType.ListOf t) {
            return list(node, t);
        } else if (type instanceof ValueType.IntMap t) {
            return intMap(node, t);
        } else if (type instanceof ValueType.AnyOf t) {
            return anyOf(node, t);
        }
        throw new IllegalStateException("unknown value type " + type);
    }

    private static Converted bool(Node node) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            return ok(Boolean.parseBoolean(s.getValue().toLowerCase()));
        }
        String hint = "";
        if (node instanceof ScalarNode s && s.getValue().matches("(?i)yes|no|on|off|y|n")) {
            hint = " (YAML 1.2: '" + s.getValue() + "' is a word, not a boolean)";
        }
        return bad(node, "expected true or false, got " + describe(node) + hint);
    }

    private static Converted integer(Node node, ValueType.Int t) {
        Optional<BigInteger> v = bigInteger(node);
        if (v.isEmpty()) {
            return bad(node, "expected an integer " + range(t) + ", got " + describe(node));
        }
        BigInteger b = v.get();
        if (b.compareTo(BigInteger.valueOf(t.min())) < 0 || b.compareTo(BigInteger.valueOf(t.max())) > 0) {
            return bad(node, b + " is out of range " + t.min() + ".." + t.max());
        }
        return ok(b.longValueExact());
    }

    /** An integer scalar of the core schema (decimal, 0x hex, 0o octal), at any size. */
    static Optional<BigInteger> bigInteger(Node node) {
        if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.INT)) {
            return Optional.empty();
        }
        String text = s.getValue().replace("_", "");
        boolean negative = text.startsWith("-");
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        try {
            BigInteger b;
            if (digits.startsWith("0x")) {
                b = new BigInteger(digits.substring(2), 16);
            } else if (digits.startsWith("0o")) {
                b = new BigInteger(digits.substring(2), 8);
            } else {
                b = new BigInteger(digits);
            }
            return Optional.of(negative ? b.negate() : b);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Converted choice(Node node, ValueType.Choice t) {
        if (!(node instanceof ScalarNode s) || !s.getTag().equals(Tag.STR)) {
            return bad(node, "expected one of " + String.join(", ", t.words()) + "; got " + describe(node));
        }
        if (t.words().contains(s.getValue())) {
            return ok(s.getValue());
        }
        return bad(node, "'" + printable(s.getValue()) + "' is not one of " + String.join(", ", t.words())
                + Near.hint(s.getValue(), t.words()));
    }

    private static Converted text(Node node, ValueType.Text t) {
        Optional<String> s = string(node);
        if (s.isEmpty()) {
            return bad(node, "expected text, got " + describe(node) + quoteHint(node));
        }
        int bytes = s.get().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > t.maxBytes()) {
            return bad(node, "text of " + bytes + " bytes is longer than the " + t.maxBytes() + " allowed");
        }
        return ok(s.get());
    }

    /** A peer's name is checked like any interface name but is a definition: it refers to nothing. */
    private static Converted peerName(Node node) {
        Converted c = interfaceName(node);
        return c instanceof Converted.Ok ok ? ok(ok.value()) : c;
    }

    private static Converted interfaceName(Node node) {
        Optional<String> s = string(node);
        if (s.isEmpty()) {
            return bad(node, "expected an interface name, got " + describe(node) + quoteHint(node));
        }
        Optional<String> problem = Names.interfaceNameProblem(s.get());
        if (problem.isPresent()) {
            return bad(node, problem.get());
        }
        return new Converted.Ok(s.get(), List.of(new Ref(s.get(), node, "")));
    }

    private static Converted ip(Node node, ValueType.Ip t) {
        String want = switch (t.family()) {
            case V4 -> "an IPv4 address";
            case V6 -> "an IPv6 address";
            case ANY -> "an IP address";
        };
        Optional<String> s = string(node);
        if (s.isEmpty()) {
            return bad(node, "expected " + want + ", got " + describe(node));
        }
        Optional<InetAddress> a = IpText.parse(s.get());
        if (a.isEmpty()) {
            return bad(node, "'" + printable(s.get()) + "' is not " + want);
        }
        boolean familyOk = switch (t.family()) {
            case V4 -> a.get() instanceof Inet4Address;
            case V6 -> a.get() instanceof Inet6Address;
            case ANY -> true;
        };
        return familyOk ? ok(a.get()) : bad(node, "'" + printable(s.get()) + "' is not " + want);
    }

    private static Converted mac(Node node) {
        Optional<String> s = string(node);
        if (s.isEmpty()) {
            return bad(node, "expected a MAC address like 02:00:00:00:00:01, got " + describe(node));
        }
        try {
            return ok(MacAddress.parse(s.get()));
        } catch (IllegalArgumentException e) {
            return bad(node, "'" + printable(s.get()) + "' is not a MAC address (six hex pairs like"
                    + " 02:00:00:00:00:01)");
        }
    }

    private static Converted list(Node node, ValueType.ListOf t) {
        if (!(node instanceof SequenceNode seq)) {
            return bad(node, "expected a list, got " + describe(node));
        }
        List<Object> values = new ArrayList<>();
        List<Ref> refs = new ArrayList<>();
        List<Issue> issues = new ArrayList<>();
        int i = 0;
        for (Node element : seq.getValue()) {
            String sub = "[" + i++ + "]";
            Converted c = convert(element, t.element());
            if (c instanceof Converted.Ok ok) {
                values.add(ok.value());
                ok.refs().forEach(r -> refs.add(new Ref(r.name(), r.node(), sub + r.subKey())));
            } else {
                ((Converted.Bad) c).issues().forEach(x -> issues.add(new Issue(x.node(), sub + x.subKey(),
                        x.message())));
            }
        }
        return issues.isEmpty() ? new Converted.Ok(List.copyOf(values), refs) : new Converted.Bad(issues);
    }

    private static Converted intMap(Node node, ValueType.IntMap t) {
        if (!(node instanceof MappingNode m)) {
            return bad(node, "expected a mapping of integers to integers, got " + describe(node));
        }
        Map<Long, Long> values = new LinkedHashMap<>();
        List<Issue> issues = new ArrayList<>();
        for (NodeTuple tuple : m.getValue()) {
            Converted k = integer(tuple.getKeyNode(), t.key());
            Converted v = integer(tuple.getValueNode(), t.value());
            String sub = "." + (tuple.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?");
            if (k instanceof Converted.Bad b) {
                b.issues().forEach(x -> issues.add(new Issue(x.node(), sub,
                        (x.message().matches("-?[0-9].*") ? "map key " : "map key: ") + x.message())));
            }
            if (v instanceof Converted.Bad b) {
                b.issues().forEach(x -> issues.add(new Issue(x.node(), sub, x.message())));
            }
            if (k instanceof Converted.Ok kk && v instanceof Converted.Ok vv) {
                if (values.put((Long) kk.value(), (Long) vv.value()) != null) {
                    issues.add(new Issue(tuple.getKeyNode(), sub, "duplicate key"));
                }
            }
        }
        return issues.isEmpty() ? ok(values) : new Converted.Bad(issues);
    }

    private static Converted anyOf(Node node, ValueType.AnyOf t) {
        for (ValueType alternative : t.alternatives()) {
            Converted c = convert(node, alternative);
            if (c instanceof Converted.Ok) {
                return c;
            }
        }
        // None accepted: an integer out of range is best explained by the integer alternative's own message.
        if (bigInteger(node).isPresent()) {
            for (ValueType alternative : t.alternatives()) {
                if (alternative instanceof ValueType.Int) {
                    return convert(node, alternative);
                }
            }
        }
        String expected = t.alternatives().stream().map(Values::expectation).collect(Collectors.joining(" or "));
        String hint = "";
        if (string(node).isPresent()) {
            List<String> words = t.alternatives().stream().filter(ValueType.Choice.class::isInstance)
                    .flatMap(c -> ((ValueType.Choice) c).words().stream()).toList();
            hint = Near.hint(string(node).get(), words);
        }
        return bad(node, "expected " + expected + ", got " + describe(node) + hint);
    }

    /** What a type accepts, for messages: "an integer in 0..255", "one of inherit". */
    static String expectation(ValueType type) {
        if (type instanceof ValueType.Bool) {
            return "true or false";
        } else if (type instanceof ValueType.Int t) {
            return "an integer " + range(t);
        } else if (type instanceof ValueType.Choice t) {
            return t.words().size() == 1 ? "'" + t.words().get(0) + "'" : "one of " + String.join(", ", t.words());
        } else if (type instanceof ValueType.Text) {
            return "text";
        } else if (type instanceof ValueType.InterfaceName || type instanceof ValueType.PeerName) {
            return "an interface name";
        } else if (type instanceof ValueType.Ip t) {
            return switch (t.family()) {
                case V4 -> "an IPv4 address";
                case V6 -> "an IPv6 address";
                case ANY -> "an IP address";
            };
        } else if (type instanceof ValueType.Mac) {
            return "a MAC address";
        } else if (type instanceof ValueType.ListOf t) {
            return "a list of " + expectation(t.element());
        } else if (type instanceof ValueType.IntMap) {
            return "a mapping of integers";
        } else if (type instanceof ValueType.AnyOf t) {
            return t.alternatives().stream().map(Values::expectation).collect(Collectors.joining(" or "));
        }
        return type.toString();
    }

    static String range(ValueType.Int t) {
        return "in " + t.min() + ".." + t.max();
    }

    /** A text scalar (plain or quoted words, not numbers, booleans or null). */
    static Optional<String> string(Node node) {
        if (node instanceof ScalarNode s && s.getTag().equals(Tag.STR)) {
            return Optional.of(s.getValue());
        }
        return Optional.empty();
    }

    /** What the operator wrote, for "got ...": "the integer 42", "a list", "nothing". */
    static String describe(Node node) {
        if (node instanceof ScalarNode s) {
            Tag tag = s.getTag();
            if (tag.equals(Tag.NULL)) {
                return "nothing";
            } else if (tag.equals(Tag.INT)) {
                return "the integer " + s.getValue();
            } else if (tag.equals(Tag.FLOAT)) {
                return "the number " + s.getValue();
            } else if (tag.equals(Tag.BOOL)) {
                return "the boolean " + s.getValue();
            }
            return "'" + printable(s.getValue()) + "'";
        } else if (node instanceof SequenceNode) {
            return "a list";
        } else if (node instanceof MappingNode) {
            return "a mapping";
        }
        return "something else";
    }

    private static String quoteHint(Node node) {
        if (node instanceof ScalarNode s && !s.getTag().equals(Tag.NULL)) {
            return " (quote it: \"" + printable(s.getValue()) + "\")";
        }
        return "";
    }

    /** Text for a one-line message: control characters escaped, long values cut. */
    static String printable(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().limit(64).forEach(c -> {
            if (Character.isISOControl(c)) {
                sb.append(String.format("\\u%04x", c));
            } else {
                sb.appendCodePoint(c);
            }
        });
        return s.codePointCount(0, s.length()) > 64 ? sb + "..." : sb.toString();
    }

    private static Converted ok(Object v) {
        return new Converted.Ok(v, List.of());
    }

    private static Converted bad(Node node, String message) {
        return new Converted.Bad(List.of(new Issue(node, "", message)));
    }
}
