package io.vlinkd.config.yaml;

/**
 * Bounds on what a config document may make the parser do.
 *
 * @param maxCodePoints size of the decoded document (snakeyaml-engine's code point limit)
 * @param maxDepth      nesting of sequences and mappings; the config format itself needs 6 levels
 * @param maxAliases    alias nodes ({@code *name}) per document; a handful is plenty for a config, and a bound
 *                      keeps "billion laughs" documents from expanding
 */
public record YamlLimits(int maxCodePoints, int maxDepth, int maxAliases) {

    public static YamlLimits defaults() {
        return new YamlLimits(1 << 20, 32, 50);
    }
}
