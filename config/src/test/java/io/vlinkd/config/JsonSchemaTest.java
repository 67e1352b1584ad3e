package io.vlinkd.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.kind.Option;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated schema against a maintained draft 2020-12 validator: it is a valid schema, every example validates,
 * and every invalid case marked "schema: rejects" fails it (those marked "accepts" need the loader: references,
 * cycles, kernel rules; they are checked to pass, so the marks stay honest).
 */
class JsonSchemaTest {
    private static final com.networknt.schema.JsonSchema SCHEMA = JsonSchemaFactory
            .getInstance(SpecVersion.VersionFlag.V202012).getSchema(JsonSchema.generate());

    static Stream<String> invalidCases() throws IOException {
        return InvalidCorpusTest.cases();
    }

    static Stream<Path> examples() throws IOException {
        return ExamplesTest.examples();
    }

    @Test
    void schemaIsValidDraft202012() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(JsonSchema.generate());
        com.networknt.schema.JsonSchema meta = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(SchemaLocation.of(JsonSchema.DRAFT));
        assertThat(meta.validate(schema)).isEmpty();
        assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    }

    @Test
    void everyKindAndOptionIsInTheSchemaWithItsDescription() throws IOException {
        JsonNode defs = new ObjectMapper().readTree(JsonSchema.generate()).get("$defs");
        for (LinkKind<?> kind : LinkKinds.all()) {
            JsonNode section = defs.get("kind-" + kind.name());
            assertThat(section).as(kind.name()).isNotNull();
            for (Option o : kind.options()) {
                assertThat(section.get("properties").get(o.key()).get("description").asText())
                        .startsWith(o.description());
            }
        }
        assertThat(defs.get("interface").get("properties").get("kind").get("enum"))
                .hasSize(LinkKinds.names().size());
    }

    @Test
    void emptySectionsAreValidForTheSchemaAsForTheLoader() throws IOException {
        JsonNode doc = new ObjectMapper().readTree("{\"interfaces\": null, \"routes\": null, \"settings\": null}");
        assertThat(SCHEMA.validate(doc)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void everyExampleValidates(Path example) throws IOException {
        Optional<JsonNode> json = YamlToJson.read(example);
        assertThat(json).isPresent();
        assertThat(SCHEMA.validate(json.get())).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCases")
    void invalidCasesAreRejectedWhereTheSchemaCanTell(String name) throws IOException {
        Path file = InvalidCorpusTest.DIR.resolve(name);
        String verdict = InvalidCorpusTest.schemaVerdict(file);
        Optional<JsonNode> json = YamlToJson.read(file);
        switch (verdict) {
            case "n/a" -> assertThat(json).as("n/a is for files that are not valid YAML").isEmpty();
            case "rejects" -> {
                assertThat(json).isPresent();
                Set<ValidationMessage> errors = SCHEMA.validate(json.get());
                assertThat(errors).as("the schema must reject " + name).isNotEmpty();
            }
            case "accepts" -> {
                assertThat(json).isPresent();
                assertThat(SCHEMA.validate(json.get())).as("only the loader can reject " + name).isEmpty();
            }
            default -> throw new IllegalStateException(name + ": unknown verdict " + verdict);
        }
    }
}
