package io.vlinkd.config;

import io.vlinkd.netlink.kind.ValueType;
import java.util.List;

/**
 * One key of the config's own sections (interface common keys, routes, settings), with the same {@link ValueType}
 * model the kinds use, so the loader and the JSON Schema read one table.
 *
 * @param type the value's type, or null for the few keys whose syntax the config module parses itself
 *             (addresses and route destinations: prefixes)
 */
record Key(String key, ValueType type, String description) {

    static List<String> names(List<Key> keys) {
        return keys.stream().map(Key::key).toList();
    }
}
