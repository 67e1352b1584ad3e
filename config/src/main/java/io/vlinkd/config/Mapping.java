package io.vlinkd.config;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * A YAML mapping read as config keys: text keys only, each at most once (the composer does not check duplicates;
 * only snakeyaml's constructor would, and we never construct). Problems go to the file's list.
 */
final class Mapping {
    /** One key and its value, with the key's node for "unknown key" locations. */
    record Field(String key, Node keyNode, Node value) {
    }

    private final Node node;
    private final Map<String, Field> fields;

    private Mapping(Node node, Map<String, Field> fields) {
        this.node = node;
        this.fields = fields;
    }

    /** Reads {@code node} as a mapping; reports and returns empty when it is something else. */
    static Optional<Mapping> read(Node node, FileContext ctx, String path, String what) {
        if (!(node instanceof MappingNode m)) {
            ctx.add(node, path.isEmpty() ? "document" : path, "expected " + what + ", got " + Values.describe(node));
            return Optional.empty();
        }
        Map<String, Field> fields = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            if (!(k instanceof ScalarNode s) || !s.getTag().equals(Tag.STR)) {
                ctx.add(k, path, "a key must be a word, got " + Values.describe(k));
                continue;
            }
            Field previous = fields.get(s.getValue());
            if (previous != null) {
                SourceLocation first = ctx.at(previous.keyNode());
                ctx.add(k, join(path, s.getValue()), "duplicate key (first at line " + first.line()
                        + ", column " + first.column() + ")");
                continue;
            }
            fields.put(s.getValue(), new Field(s.getValue(), k, t.getValueNode()));
        }
        return Optional.of(new Mapping(node, fields));
    }

    Node node() {
        return node;
    }

    Optional<Field> get(String key) {
        return Optional.ofNullable(fields.get(key));
    }

    boolean has(String key) {
        return fields.containsKey(key);
    }

    Collection<Field> fields() {
        return fields.values();
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
