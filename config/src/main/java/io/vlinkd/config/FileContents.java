package io.vlinkd.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** What one file contributed, before merging. {@code settings} maps each key to its value and location. */
record FileContents(Path file, List<InterfaceEntry> interfaces, List<RouteEntry> routes, List<DesiredRule> rules,
                    List<DesiredNexthop> nexthops,
                    Map<String, Setting> settings) {

    /** One key of {@code settings:}. */
    record Setting(String value, SourceLocation where) {
    }
}
