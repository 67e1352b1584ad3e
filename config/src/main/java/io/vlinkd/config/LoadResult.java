package io.vlinkd.config;

import java.util.List;

/** The outcome of loading a config: a validated desired state, or every problem found (never just the first). */
public sealed interface LoadResult {

    /** The config is valid. */
    record Valid(DesiredState state) implements LoadResult {
        /** What works other than the operator may expect; they reject nothing. */
        public List<ConfigWarning> warnings() {
            return ConfigWarning.of(state);
        }

        /** The line {@code vlinkctl validate} prints: {@code 3 files, 12 interfaces, 2 routes: valid}. */
        public String summary() {
            int interfaces = state.links().size() + state.absent().size();
            return count(state.files().size(), "file") + ", " + count(interfaces, "interface") + ", "
                    + count(state.routes().size(), "route") + ": valid";
        }
    }

    /** The config has problems; {@code problems} is never empty and is sorted by file, line and column. */
    record Invalid(List<ConfigProblem> problems) implements LoadResult {
        public Invalid {
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid config has at least one problem");
            }
            problems = List.copyOf(problems);
        }

        /** The closing line of {@code vlinkctl validate}: {@code 2 problems: invalid}. */
        public String summary() {
            return count(problems.size(), "problem") + ": invalid";
        }
    }

    default boolean isValid() {
        return this instanceof Valid;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
