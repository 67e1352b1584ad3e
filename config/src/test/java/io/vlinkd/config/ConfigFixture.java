package io.vlinkd.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes config files into a test's temporary directory and loads them with the secure-file check relaxed. */
final class ConfigFixture {
    private final Path dir;

    ConfigFixture(Path dir) {
        this.dir = dir;
    }

    Path write(String name, String yaml) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.writeString(p, yaml, StandardCharsets.UTF_8);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LoadResult load(Path... paths) {
        return new ConfigLoader(LoadOptions.relaxed()).load(paths);
    }

    DesiredState valid(Path... paths) {
        LoadResult r = load(paths);
        if (r instanceof LoadResult.Invalid i) {
            throw new AssertionError("expected a valid config:\n" + ValidationReport.of(i).text());
        }
        return ((LoadResult.Valid) r).state();
    }

    /** Problems as "file-name:line:column: key: message". */
    List<String> problems(Path... paths) {
        LoadResult r = load(paths);
        if (!(r instanceof LoadResult.Invalid i)) {
            throw new AssertionError("expected problems, got a valid config");
        }
        return i.problems().stream().map(p -> p.where().file().getFileName() + ":" + p.where().line() + ":"
                + p.where().column() + ": " + p.key() + ": " + p.message()).toList();
    }
}
