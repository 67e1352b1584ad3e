package io.vlinkd.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The validated config: everything the reconciler needs, and nothing that failed validation (a config with any
 * problem never becomes a DesiredState).
 *
 * @param files the files read, in the order they were merged
 * @param rules the policy rules ({@code rules:}), in the config's order
 * @param nexthops the nexthop objects ({@code nexthops:}), in the config's order
 */
public record DesiredState(List<DesiredLink> links, List<AbsentLink> absent, List<DesiredRoute> routes,
                           DaemonSettings settings, List<Path> files, List<DesiredRule> rules,
                           List<DesiredNexthop> nexthops) {

    /** A config without nexthops. */
    public DesiredState(List<DesiredLink> links, List<AbsentLink> absent, List<DesiredRoute> routes,
                        DaemonSettings settings, List<Path> files, List<DesiredRule> rules) {
        this(links, absent, routes, settings, files, rules, List.of());
    }

    /** A config without rules. */
    public DesiredState(List<DesiredLink> links, List<AbsentLink> absent, List<DesiredRoute> routes,
                        DaemonSettings settings, List<Path> files) {
        this(links, absent, routes, settings, files, List.of(), List.of());
    }

    public static DesiredState empty() {
        return new DesiredState(List.of(), List.of(), List.of(), DaemonSettings.defaults(), List.of());
    }

    public Optional<DesiredLink> link(String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst();
    }
}
