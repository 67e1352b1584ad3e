package io.vlinkd.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.yaml.SafeYaml;
import io.vlinkd.config.yaml.YamlLimits;
import io.vlinkd.config.yaml.YamlProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeYamlTest {
    private final SafeYaml yaml = new SafeYaml(YamlLimits.defaults());

    private List<YamlProblem> problems(String text) {
        SafeYaml.Result r = yaml.parse(text, "t.yaml");
        assertThat(r).isInstanceOf(SafeYaml.Result.Failed.class);
        return ((SafeYaml.Result.Failed) r).problems();
    }

    @Test
    void tagsOnMappingsSequencesAndScalarsAreAllRefused() {
        assertThat(problems("a: !!map {b: 1}\nc: !!seq [1]\nd: !!str x\ne: !local y\n"))
                .extracting(YamlProblem::line).containsExactly(1, 2, 3, 4);
    }

    @Test
    void aTagDirectiveDoesNotSneakATagIn() {
        assertThat(problems("%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\n")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("tag:example.com,2000:x"));
    }

    @Test
    void parsedValuesAreNodesNotObjects() {
        SafeYaml.Result r = yaml.parse("a: 1\nb: [x]\n", "t.yaml");
        assertThat(r).isInstanceOf(SafeYaml.Result.Parsed.class);
        assertThat(((SafeYaml.Result.Parsed) r).root()).get()
                .isInstanceOf(org.snakeyaml.engine.v2.nodes.MappingNode.class);
    }

    @Test
    void theCodePointLimitIsAppliedWhenTheByteLimitIsRaised() {
        SafeYaml small = new SafeYaml(new YamlLimits(100, 32, 50));
        SafeYaml.Result r = small.parse("a: " + "x".repeat(200) + "\n", "t.yaml");
        assertThat(r).isInstanceOf(SafeYaml.Result.Failed.class);
        assertThat(((SafeYaml.Result.Failed) r).problems().get(0).message()).contains("100");
    }
}
