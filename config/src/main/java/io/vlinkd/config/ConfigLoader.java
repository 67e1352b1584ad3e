package io.vlinkd.config;

import io.vlinkd.config.yaml.SafeYaml;
import io.vlinkd.config.yaml.YamlLimits;
import io.vlinkd.config.yaml.YamlProblem;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads config files into a validated {@link DesiredState}, or into every problem found.
 *
 * <p>Each path is a directory (its {@code *.yaml} files are read in lexical order; names starting with a dot are
 * skipped, as are the {@code ..data} links of a Kubernetes ConfigMap mount) or a file. A directory without YAML
 * files is a valid empty config (it says, explicitly, that nothing is wanted); a path that does not exist is an
 * error, a directory too: {@code rm -rf /etc/vlinkd} or a ConfigMap that is no longer mounted must not read as "delete
 * everything". Files are merged in order.
 *
 * <pre>
 * LoadResult r = new ConfigLoader(LoadOptions.secure()).load(Path.of("/etc/vlinkd"));
 * </pre>
 */
public final class ConfigLoader {
    private final LoadOptions options;
    private final NamespaceLookup namespaces;
    private final SafeYaml yaml;
    private final ConfigFileReader reader;

    /** A loader that does not check that named namespaces exist (examples, drafts for another machine). */
    public ConfigLoader(LoadOptions options) {
        this(options, NamespaceLookup.any());
    }

    /** @param namespaces which named network namespaces exist ({@link NamespaceLookup#runNetns()} on the host) */
    public ConfigLoader(LoadOptions options, NamespaceLookup namespaces) {
        this.options = options;
        this.namespaces = namespaces;
        long codePoints = Math.min(Integer.MAX_VALUE, options.maxFileBytes());
        this.yaml = new SafeYaml(new YamlLimits((int) codePoints, YamlLimits.defaults().maxDepth(),
                YamlLimits.defaults().maxAliases()));
        this.reader = new ConfigFileReader(options);
    }

    public LoadResult load(Path... paths) {
        return load(Arrays.asList(paths));
    }

    public LoadResult load(List<Path> paths) {
        List<ConfigProblem> problems = new ArrayList<>();
        List<Path> files = discover(paths, problems);
        List<FileContents> contents = new ArrayList<>();
        for (Path file : files) {
            read(file, problems).ifPresent(contents::add);
        }
        // Config-wide checks need every file: with one unreadable, references into it would all look undefined.
        boolean allRead = contents.size() == files.size();
        Optional<DesiredState> state = allRead ? new Merger(problems, namespaces).merge(contents) : Optional.empty();
        if (state.isPresent()) {
            return new LoadResult.Valid(state.get());
        }
        return new LoadResult.Invalid(sorted(problems, files));
    }

    /** What {@code vlinkctl validate PATH…} prints, and its exit code. */
    public ValidationReport validate(List<Path> paths) {
        return ValidationReport.of(load(paths));
    }

    public ValidationReport validate(Path... paths) {
        return validate(Arrays.asList(paths));
    }

    private List<Path> discover(List<Path> paths, List<ConfigProblem> problems) {
        List<Path> files = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                if (!secure(p, problems)) {
                    continue;
                }
                List<Path> inDir = new ArrayList<>();
                try (DirectoryStream<Path> ds = Files.newDirectoryStream(p, "*.yaml")) {
                    for (Path f : ds) {
                        if (!f.getFileName().toString().startsWith(".")) {
                            inDir.add(f);
                        }
                    }
                } catch (IOException e) {
                    fileProblem(p, "cannot list directory: " + reason(e), problems);
                    continue;
                }
                inDir.sort(Comparator.comparing(f -> f.getFileName().toString()));
                for (Path f : inDir) {
                    addOnce(f, files, seen);
                }
            } else if (Files.exists(p)) {
                addOnce(p, files, seen);
            } else {
                String n = p.getFileName() == null ? "" : p.getFileName().toString();
                fileProblem(p, n.endsWith(".yaml") || n.endsWith(".yml") ? "no such file"
                        : "no such file or directory (an empty directory is the config that wants nothing)",
                        problems);
            }
        }
        return files;
    }

    private static void addOnce(Path f, List<Path> files, Set<Path> seen) {
        Path key;
        try {
            key = f.toRealPath();
        } catch (IOException e) {
            key = f.toAbsolutePath().normalize();
        }
        if (seen.add(key)) {
            files.add(f);
        }
    }

    private Optional<FileContents> read(Path file, List<ConfigProblem> problems) {
        ConfigFileReader.Outcome read = reader.read(file);
        if (read instanceof ConfigFileReader.Outcome.Refused refused) {
            fileProblem(file, refused.message(), problems);
            return Optional.empty();
        }
        byte[] bytes = ((ConfigFileReader.Outcome.Read) read).bytes();
        TextDecoding.Decoded decoded = TextDecoding.decode(bytes);
        if (decoded instanceof TextDecoding.Decoded.Bad bad) {
            problems.add(new ConfigProblem(new SourceLocation(file, bad.line(), bad.column()), "file",
                    bad.message()));
            return Optional.empty();
        }
        String text = ((TextDecoding.Decoded.Text) decoded).text();
        SafeYaml.Result parsed = yaml.parse(text, file.toString());
        if (parsed instanceof SafeYaml.Result.Failed failed) {
            for (YamlProblem p : failed.problems()) {
                problems.add(new ConfigProblem(new SourceLocation(file, p.line(), p.column()), "yaml", p.message()));
            }
            return Optional.empty();
        }
        FileContext ctx = new FileContext(file, problems);
        return Optional.of(new DocumentReader(ctx).read(((SafeYaml.Result.Parsed) parsed).root()));
    }

    private boolean secure(Path p, List<ConfigProblem> problems) {
        if (!options.requireSecureFiles()) {
            return true;
        }
        Optional<String> problem = FileSecurity.problem(p);
        problem.ifPresent(m -> fileProblem(p, m, problems));
        return problem.isEmpty();
    }

    private static void fileProblem(Path p, String message, List<ConfigProblem> problems) {
        problems.add(new ConfigProblem(new SourceLocation(p, 1, 1), "file", message));
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** By file (in the order read), then line and column; stable, so a file's problems keep their order. */
    private static List<ConfigProblem> sorted(List<ConfigProblem> problems, List<Path> files) {
        Map<Path, Integer> order = new HashMap<>();
        for (int i = 0; i < files.size(); i++) {
            order.putIfAbsent(files.get(i), i);
        }
        List<ConfigProblem> out = new ArrayList<>(problems);
        out.sort(Comparator.<ConfigProblem>comparingInt(p -> order.getOrDefault(p.where().file(), -1))
                .thenComparingInt(p -> p.where().line())
                .thenComparingInt(p -> p.where().column()));
        return out;
    }
}
