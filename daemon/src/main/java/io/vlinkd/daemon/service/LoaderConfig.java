package io.vlinkd.daemon.service;

import io.vlinkd.config.ConfigLoader;
import io.vlinkd.config.ConfigProblem;
import io.vlinkd.config.JsonSchema;
import io.vlinkd.config.LoadOptions;
import io.vlinkd.config.NamespaceLookup;
import java.nio.file.Path;
import java.util.List;

/**
 * The config port over {@link ConfigLoader}: secure file checks on, as the daemon (root) must have them, and every
 * {@code netns:} / {@code peer-netns:} must name a namespace of this machine ({@code /run/netns/NAME}).
 */
public final class LoaderConfig implements ConfigPort {
    private final ConfigLoader loader;

    public LoaderConfig(LoadOptions options) {
        this.loader = new ConfigLoader(options, NamespaceLookup.runNetns());
    }

    @Override
    public ConfigPort.LoadResult load(List<Path> paths) {
        io.vlinkd.config.LoadResult r = loader.load(paths);
        if (r instanceof io.vlinkd.config.LoadResult.Valid v) {
            return new Loaded(v.state(), v.summary(), v.warnings().stream().map(Object::toString).toList());
        }
        List<ConfigProblem> problems = ((io.vlinkd.config.LoadResult.Invalid) r).problems();
        return new Invalid(problems.stream().map(ConfigProblem::toString).toList());
    }

    @Override
    public String schema() {
        return JsonSchema.generate();
    }
}
