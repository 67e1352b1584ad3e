package io.vlinkd.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/** Reads one file's top-level mapping: {@code interfaces}, {@code routes}, {@code rules}, {@code nexthops} and {@code settings}. */
final class DocumentReader {
    private final FileContext ctx;

    DocumentReader(FileContext ctx) {
        this.ctx = ctx;
    }

    FileContents read(Optional<Node> root) {
        List<InterfaceEntry> interfaces = new ArrayList<>();
        List<RouteEntry> routes = new ArrayList<>();
        List<DesiredRule> rules = new ArrayList<>();
        List<DesiredNexthop> nexthops = new ArrayList<>();
        Map<String, FileContents.Setting> settings = new LinkedHashMap<>();
        FileContents contents = new FileContents(ctx.file(), interfaces, routes, rules, nexthops, settings);
        if (root.isEmpty() || isNull(root.get())) {
            return contents; // an empty file (or only comments) is an empty config
        }
        Optional<Mapping> top = Mapping.read(root.get(), ctx, "", "a mapping with interfaces:, routes:, rules:, nexthops: or settings:");
        if (top.isEmpty()) {
            return contents;
        }
        for (Mapping.Field f : top.get().fields()) {
            switch (f.key()) {
                case "interfaces" -> list(f, "interfaces").ifPresent(seq -> {
                    int i = 0;
                    InterfaceReader reader = new InterfaceReader(ctx);
                    for (Node item : seq.getValue()) {
                        reader.read(item, i++).ifPresent(interfaces::add);
                    }
                });
                case "routes" -> list(f, "routes").ifPresent(seq -> {
                    int i = 0;
                    RouteReader reader = new RouteReader(ctx);
                    for (Node item : seq.getValue()) {
                        reader.read(item, i++).ifPresent(routes::add);
                    }
                });
                case "rules" -> list(f, "rules").ifPresent(seq -> {
                    int i = 0;
                    RuleReader reader = new RuleReader(ctx);
                    for (Node item : seq.getValue()) {
                        reader.read(item, i++).ifPresent(rules::add);
                    }
                });
                case "nexthops" -> list(f, "nexthops").ifPresent(seq -> {
                    int i = 0;
                    NexthopReader reader = new NexthopReader(ctx);
                    for (Node item : seq.getValue()) {
                        reader.read(item, i++).ifPresent(nexthops::add);
                    }
                });
                case "settings" -> settings(f, settings);
                default -> ctx.add(f.keyNode(), f.key(), "unknown section" + Near.hint(f.key(), Key.names(Keys.TOP))
                        + "; a config has interfaces:, routes:, rules:, nexthops: and settings:");
            }
        }
        return contents;
    }

    private Optional<SequenceNode> list(Mapping.Field f, String what) {
        if (isNull(f.value())) {
            return Optional.empty(); // "interfaces:" with nothing under it: none
        }
        if (f.value() instanceof SequenceNode seq) {
            return Optional.of(seq);
        }
        ctx.add(f.value(), f.key(), "expected a list of " + what + " (each item starting with '- '), got "
                + Values.describe(f.value()));
        return Optional.empty();
    }

    private void settings(Mapping.Field f, Map<String, FileContents.Setting> out) {
        if (isNull(f.value())) {
            return;
        }
        Optional<Mapping> m = Mapping.read(f.value(), ctx, "settings", "a mapping of settings");
        if (m.isEmpty()) {
            return;
        }
        for (Mapping.Field s : m.get().fields()) {
            Optional<Key> key = Keys.SETTINGS.stream().filter(k -> k.key().equals(s.key())).findFirst();
            String path = "settings." + s.key();
            if (key.isEmpty()) {
                ctx.add(s.keyNode(), path, "unknown setting" + Near.hint(s.key(), Key.names(Keys.SETTINGS)));
                continue;
            }
            Values.read(s.value(), key.get().type(), ctx, path, new ArrayList<>())
                    .ifPresent(v -> out.put(s.key(), new FileContents.Setting(String.valueOf(v), ctx.at(s.keyNode()))));
        }
    }

    private static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }
}
