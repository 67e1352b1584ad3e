package io.vlinkd.daemon.service;

import io.vlinkd.config.DesiredState;
import java.nio.file.Path;
import java.util.List;

/** Reading the config: the daemon and {@code vlinkctl validate|schema} see the config layer through this. */
public interface ConfigPort {

    /** Loads directories (their {@code *.yaml} files, in lexical order) and files, merged in the given order. */
    LoadResult load(List<Path> paths) throws BackendUnavailableException;

    /** The JSON Schema of the config format. */
    String schema() throws BackendUnavailableException;

    /** The outcome of a load: a valid state, or every problem found (never only the first). */
    sealed interface LoadResult permits Loaded, Invalid {
    }

    /**
     * @param summary  one line, e.g. {@code 3 files, 5 interfaces (2 bridge, 3 veth), 1 route}
     * @param warnings each {@code file:line:column: key: warning: message}; they reject nothing
     */
    record Loaded(DesiredState state, String summary, List<String> warnings) implements LoadResult {
        public Loaded {
            warnings = List.copyOf(warnings);
        }

        /** A config without warnings. */
        public Loaded(DesiredState state, String summary) {
            this(state, summary, List.of());
        }
    }

    /** @param problems each {@code file:line:column: key: message} */
    record Invalid(List<String> problems) implements LoadResult {
        public Invalid {
            problems = List.copyOf(problems);
        }
    }
}
