package io.vlinkd.daemon.resource;

import java.util.Set;

/** What the links' plan decided, as the tests of a resource type set it: the links renewed, dropped and awaited. */
public record Fate(Set<String> renewed, Set<String> dropped, Set<String> awaited) implements TypePlan.Links {
    public static final Fate NONE = new Fate(Set.of(), Set.of(), Set.of());

    /** {@code links} re-created by the plan: renewed, and what was on them dropped. */
    public static Fate recreated(String... links) {
        return new Fate(Set.of(links), Set.of(links), Set.of());
    }

    /** {@code links} named by the config, not there. */
    public static Fate awaiting(String... links) {
        return new Fate(Set.of(), Set.of(), Set.of(links));
    }

    @Override
    public boolean renewed(String link) {
        return renewed.contains(link);
    }

    @Override
    public boolean dropped(String link) {
        return dropped.contains(link);
    }

    @Override
    public boolean awaited(String link) {
        return awaited.contains(link);
    }
}
