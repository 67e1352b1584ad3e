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
}
