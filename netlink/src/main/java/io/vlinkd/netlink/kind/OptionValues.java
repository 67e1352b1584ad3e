package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.MacAddress;
import java.net.InetAddress;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values of a kind's options, already checked against their {@link ValueType}s (so {@link #integer} of an
 * {@code Int} option is always a Long in range). Keys absent here are not managed: vlinkd leaves them as they are.
 */
public final class OptionValues {
    private final Map<String, Object> values;

    private OptionValues(Map<String, Object> values) {
        this.values = values;
    }

    public static OptionValues of(Map<String, ?> values) {
        return new OptionValues(Collections.unmodifiableMap(new LinkedHashMap<>(values)));
    }

    public static OptionValues empty() {
        return new OptionValues(Map.of());
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, Object> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    public Optional<Object> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public Optional<Boolean> bool(String key) {
        return typed(key, Boolean.class);
    }

    public Optional<Long> integer(String key) {
        return typed(key, Long.class);
    }

    public Optional<String> string(String key) {
        return typed(key, String.class);
    }

    public Optional<InetAddress> ip(String key) {
        return typed(key, InetAddress.class);
    }

    public Optional<MacAddress> mac(String key) {
        return typed(key, MacAddress.class);
    }

    @SuppressWarnings("unchecked")
    public <T> List<T> list(String key, Class<T> element) {
        Object v = values.get(key);
        if (v == null) {
            return List.of();
        }
        List<?> l = (List<?>) v;
        for (Object o : l) {
            element.cast(o);
        }
        return (List<T>) l;
    }

    @SuppressWarnings("unchecked")
    public Optional<Map<Long, Long>> intMap(String key) {
        return Optional.ofNullable((Map<Long, Long>) values.get(key));
    }

    private <T> Optional<T> typed(String key, Class<T> type) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!type.isInstance(v)) {
            throw new IllegalStateException("option " + key + " holds a " + v.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return Optional.of(type.cast(v));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OptionValues ov && ov.values.equals(values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }

    /** Collects values in order; {@code Optional}s that are empty are skipped (not managed). */
    public static final class Builder {
        private final Map<String, Object> values = new LinkedHashMap<>();

        public Builder put(String key, Object value) {
            if (value instanceof Optional<?> o) {
                o.ifPresent(v -> values.put(key, normalize(v)));
            } else if (value != null) {
                values.put(key, normalize(value));
            }
            return this;
        }

        /** Integers of every width become Long, the one integer type of option values. */
        private static Object normalize(Object v) {
            if (v instanceof Integer i) {
                return (long) i;
            }
            if (v instanceof Short s) {
                return (long) s;
            }
            if (v instanceof Byte b) {
                return (long) (b & 0xff);
            }
            return v;
        }

        public OptionValues build() {
            return OptionValues.of(values);
        }
    }
}
