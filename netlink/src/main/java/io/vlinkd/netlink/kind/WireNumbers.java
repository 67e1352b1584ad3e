package io.vlinkd.netlink.kind;

/**
 * A setting's config value and the number the kernel keeps for it, for settings written as one integer attribute
 * each (a bridge port's options, an interface's IPv4 settings): a bool is 0 or 1, a choice its word's number, an
 * integer itself.
 */
public final class WireNumbers {
    private WireNumbers() {
    }

    /** The number written for {@code value}; {@code words} gives a choice's numbers (null for other types). */
    public static long toWire(Object value, Words words) {
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return words != null ? words.value((String) value) : ((Number) value).longValue();
    }

    /** The config value of a dumped number, of a setting of {@code type}. */
    public static Object fromWire(long wire, ValueType type, Words words) {
        if (type instanceof ValueType.Bool) {
            return wire != 0;
        }
        return words != null ? words.word(wire) : (Object) wire;
    }
}
