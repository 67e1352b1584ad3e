package io.vlinkd.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Merges the files' contents in order and runs the checks that need the whole config: an interface or route defined
 * twice (naming both places), references to interfaces the config does not define, ports in another namespace than
 * their master, and dependency cycles over {@code link}, {@code master} and kind options that name interfaces.
 */
final class Merger {
    private final List<ConfigProblem> problems;

    Merger(List<ConfigProblem> problems) {
        this.problems = problems;
    }

    /** The merged state, or empty when the files or the checks here found any problem. */
    Optional<DesiredState> merge(List<FileContents> files) {
        Map<String, InterfaceEntry> byName = new LinkedHashMap<>();
        for (FileContents f : files) {
            for (InterfaceEntry e : f.interfaces()) {
                InterfaceEntry first = byName.putIfAbsent(e.name(), e);
                if (first != null) {
                    add(e.where(), e.path(), "interface " + e.name() + " is defined twice: here and at "
                            + first.where());
                }
            }
        }
        Map<String, RouteEntry> routes = new HashMap<>();
        for (FileContents f : files) {
            for (RouteEntry r : f.routes()) {
                if (r.identity().isPresent()) {
                    RouteEntry first = routes.putIfAbsent(r.identity().get(), r);
                    if (first != null) {
                        add(r.where(), r.path(), "route " + r.identity().get() + " is defined twice: here and at "
                                + first.where());
                    }
                }
            }
        }
        checkReferences(files, byName);
        new CycleCheck(byName, this::add).run();
        DaemonSettings settings = settings(files);

        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        List<DesiredLink> links = new ArrayList<>();
        List<AbsentLink> absent = new ArrayList<>();
        List<DesiredRoute> desiredRoutes = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        for (FileContents f : files) {
            paths.add(f.file());
            for (InterfaceEntry e : f.interfaces()) {
                e.link().ifPresent(links::add);
                e.absent().ifPresent(absent::add);
            }
            f.routes().forEach(r -> r.route().ifPresent(desiredRoutes::add));
        }
        return Optional.of(new DesiredState(List.copyOf(links), List.copyOf(absent), List.copyOf(desiredRoutes),
                settings, List.copyOf(paths)));
    }

    private void checkReferences(List<FileContents> files, Map<String, InterfaceEntry> byName) {
        List<String> names = List.copyOf(byName.keySet());
        for (FileContents f : files) {
            for (InterfaceEntry e : f.interfaces()) {
                for (Reference r : e.references()) {
                    target(r, byName, names).ifPresent(t -> {
                        if (r.role() == Reference.Role.MASTER && !t.netns().equals(e.netns())) {
                            // A port and its master must be in the same namespace (the kernel looks the master up
                            // in the port's namespace: ENODEV otherwise).
                            add(r.where(), r.key(), "master " + t.name() + " is in " + ns(t.netns())
                                    + " but " + e.name() + " is in " + ns(e.netns()));
                        }
                    });
                }
            }
            for (RouteEntry route : f.routes()) {
                route.dev().ifPresent(r -> target(r, byName, names));
            }
        }
    }

    private Optional<InterfaceEntry> target(Reference r, Map<String, InterfaceEntry> byName, List<String> names) {
        InterfaceEntry t = byName.get(r.to());
        if (t == null) {
            add(r.where(), r.key(), "no interface '" + r.to() + "' in the config" + Near.hint(r.to(), names)
                    + "; declare one expected to exist with an entry without kind: (- name: " + r.to() + ")");
            return Optional.empty();
        }
        if (t.absent().isPresent()) {
            add(r.where(), r.key(), "interface " + r.to() + " is state: absent (at " + t.where() + ")");
            return Optional.empty();
        }
        return Optional.of(t);
    }

    private static String ns(Optional<String> netns) {
        return netns.map(n -> "netns " + n).orElse("the daemon's namespace");
    }

    private DaemonSettings settings(List<FileContents> files) {
        Map<String, FileContents.Setting> merged = new HashMap<>();
        for (FileContents f : files) {
            for (Map.Entry<String, FileContents.Setting> s : f.settings().entrySet()) {
                FileContents.Setting first = merged.putIfAbsent(s.getKey(), s.getValue());
                if (first != null) {
                    add(s.getValue().where(), "settings." + s.getKey(), "set twice: here and at " + first.where());
                }
            }
        }
        DaemonSettings d = DaemonSettings.defaults();
        return new DaemonSettings(
                Optional.ofNullable(merged.get("drift"))
                        .map(s -> DaemonSettings.DriftPolicy.valueOf(upper(s.value()))).orElse(d.drift()),
                Optional.ofNullable(merged.get("foreign"))
                        .map(s -> DaemonSettings.ForeignPolicy.valueOf(upper(s.value()))).orElse(d.foreign()),
                Optional.ofNullable(merged.get("on-error"))
                        .map(s -> DaemonSettings.OnError.valueOf(upper(s.value()))).orElse(d.onError()));
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    private void add(SourceLocation where, String key, String message) {
        problems.add(new ConfigProblem(where, key, message));
    }
}
