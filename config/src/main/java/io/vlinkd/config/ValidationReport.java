package io.vlinkd.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Exactly what {@code vlinkctl validate PATH…} prints and how it exits: on a valid config its warnings (if any,
 * {@code file:line:column: key: warning: message}), one summary line and exit 0; otherwise one {@code file:line:column: key: message} line per problem, a closing count, and exit 1.
 */
public record ValidationReport(List<String> lines, int exitCode) {

    public ValidationReport {
        lines = List.copyOf(lines);
    }

    public static ValidationReport of(LoadResult result) {
        if (result instanceof LoadResult.Valid v) {
            List<String> out = new ArrayList<>();
            v.warnings().forEach(w -> out.add(w.toString()));
            out.add(v.summary());
            return new ValidationReport(out, 0);
        }
        LoadResult.Invalid invalid = (LoadResult.Invalid) result;
        List<String> out = new ArrayList<>();
        invalid.problems().forEach(p -> out.add(p.toString()));
        out.add(invalid.summary());
        return new ValidationReport(out, 1);
    }

    /** The lines joined, each ending in a newline. */
    public String text() {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }
}
