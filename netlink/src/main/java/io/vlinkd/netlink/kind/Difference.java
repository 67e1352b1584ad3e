package io.vlinkd.netlink.kind;

/**
 * One option whose desired value differs from the kernel's.
 *
 * @param key      the option key, as in the config ({@code id}, {@code dstport})
 * @param desired  the desired value (never null: unset options are not compared)
 * @param observed the kernel's value, or null when the kernel did not report one
 * @param change   whether it can be changed in place
 * @param reason   why it needs a re-create, in the kernel's words where we learned it ("Cannot change VNI"), or null
 */
public record Difference(String key, Object desired, Object observed, Option.Change change, String reason) {

    /** {@code key observed → desired}, as an operator reads it in a plan or log (addresses without a leading '/'). */
    public String describe() {
        return key + " " + text(observed) + " → " + text(desired);
    }

    /**
     * A value as an operator writes it: an address by {@link java.net.InetAddress#getHostAddress} (its
     * {@code toString()} is {@code hostname/address}, "/198.51.100.2" without a name), lists element by element.
     */
    public static String text(Object value) {
        if (value instanceof java.net.InetAddress a) {
            return a.getHostAddress();
        }
        if (value instanceof java.util.Optional<?> o) {
            return o.map(Difference::text).orElse("none");
        }
        if (value instanceof java.util.List<?> l) {
            return l.stream().map(Difference::text).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
