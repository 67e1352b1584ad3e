package io.vlinkd.config;

import java.nio.file.Path;

/** Where something was written: file, 1-based line and column. Printed as {@code file:line:column}. */
public record SourceLocation(Path file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
