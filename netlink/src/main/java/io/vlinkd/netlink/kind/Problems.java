package io.vlinkd.netlink.kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects validation problems in the operator's words, each tied to an option key (or to the section as a whole
 * when the key is null). The config module turns keys into {@code file:line:column}; nothing here throws.
 */
public final class Problems {

    /** One problem: the option's key (null for the whole section) and what is wrong, in the user's words. */
    public record Problem(String key, String message) {
    }

    private final List<Problem> list = new ArrayList<>();

    public void add(String key, String message) {
        list.add(new Problem(key, message));
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public List<Problem> all() {
        return List.copyOf(list);
    }
}
