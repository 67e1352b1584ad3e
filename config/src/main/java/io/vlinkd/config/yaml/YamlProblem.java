package io.vlinkd.config.yaml;

/** A problem found while reading YAML text, at a 1-based line and column (code points). */
public record YamlProblem(int line, int column, String message) {
}
