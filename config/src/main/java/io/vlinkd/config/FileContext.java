package io.vlinkd.config;

import java.nio.file.Path;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.Node;

/** The file being read and the shared list its problems go to; turns a node's mark into a location. */
final class FileContext {
    private final Path file;
    private final List<ConfigProblem> problems;

    FileContext(Path file, List<ConfigProblem> problems) {
        this.file = file;
        this.problems = problems;
    }

    Path file() {
        return file;
    }

    SourceLocation at(Node node) {
        return node.getStartMark()
                .map(m -> new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1))
                .orElse(new SourceLocation(file, 1, 1));
    }

    void add(Node node, String key, String message) {
        problems.add(new ConfigProblem(at(node), key, message));
    }

    int problemCount() {
        return problems.size();
    }

    void add(SourceLocation where, String key, String message) {
        problems.add(new ConfigProblem(where, key, message));
    }
}
