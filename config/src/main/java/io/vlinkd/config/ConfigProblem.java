package io.vlinkd.config;

/**
 * One thing wrong with the config, where it was written and under which key, in the operator's words.
 * {@link #toString()} is the line {@code vlinkctl validate} prints: {@code file:line:column: key: message}.
 *
 * @param key the key path inside the file ({@code interfaces[vx42].vxlan.id}), {@code file} for problems with the
 *            file itself, {@code yaml} for YAML syntax
 */
public record ConfigProblem(SourceLocation where, String key, String message) {

    @Override
    public String toString() {
        return where + ": " + key + ": " + message;
    }
}
