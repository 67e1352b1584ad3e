package io.vlinkd.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vlinkd.config.yaml.SafeYaml;
import io.vlinkd.config.yaml.YamlLimits;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** What an editor's YAML plugin hands a JSON Schema validator: the YAML 1.2 core-schema values as JSON. */
final class YamlToJson {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private YamlToJson() {
    }

    /** The document as JSON, or empty when it is not YAML at all. */
    static Optional<JsonNode> read(Path file) throws IOException {
        String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        SafeYaml.Result r = new SafeYaml(YamlLimits.defaults()).parse(text, file.toString());
        if (!(r instanceof SafeYaml.Result.Parsed p)) {
            return Optional.empty();
        }
        return Optional.of(p.root().map(YamlToJson::json).orElse(F.nullNode()));
    }

    static JsonNode json(Node node) {
        if (node instanceof MappingNode m) {
            ObjectNode o = F.objectNode();
            for (NodeTuple t : m.getValue()) {
                o.set(((ScalarNode) t.getKeyNode()).getValue(), json(t.getValueNode()));
            }
            return o;
        } else if (node instanceof SequenceNode s) {
            ArrayNode a = F.arrayNode();
            s.getValue().forEach(n -> a.add(json(n)));
            return a;
        }
        ScalarNode s = (ScalarNode) node;
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return F.nullNode();
        } else if (tag.equals(Tag.BOOL)) {
            return F.booleanNode(Boolean.parseBoolean(s.getValue().toLowerCase()));
        } else if (tag.equals(Tag.INT)) {
            return F.numberNode(Values.bigInteger(s).orElseThrow());
        } else if (tag.equals(Tag.FLOAT)) {
            try {
                return F.numberNode(new BigDecimal(s.getValue()));
            } catch (NumberFormatException e) {
                return F.textNode(s.getValue()); // .inf, .nan: not JSON numbers
            }
        }
        return F.textNode(s.getValue());
    }
}
