package io.vlinkd.netlink.kind.tunnel;

/**
 * A tunnel setting that is either a number or {@code inherit} (take it from the inner packet): tos/tclass and
 * flowlabel. As an option value it is the word {@code "inherit"} or a Long.
 *
 * @param inherit whether the outer header copies the inner packet's value
 * @param value   the fixed value when not inherited (0 when inherited)
 */
public record Inheritable(boolean inherit, long value) {
    public static final Inheritable INHERIT = new Inheritable(true, 0);

    public static Inheritable of(long value) {
        return new Inheritable(false, value);
    }

    /** The option value: {@code "inherit"} or the number. */
    public Object toOption() {
        return inherit ? "inherit" : (Object) value;
    }

    @Override
    public String toString() {
        return inherit ? "inherit" : Long.toString(value);
    }
}
