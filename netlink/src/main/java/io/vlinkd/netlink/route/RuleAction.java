package io.vlinkd.netlink.route;

import java.util.Optional;

/** What a rule that matches does ({@code FR_ACT_*} in {@code <linux/fib_rules.h>}), in iproute2's words. */
public enum RuleAction {
    LOOKUP(1, "lookup"), GOTO(2, "goto"), NOP(3, "nop"), BLACKHOLE(6, "blackhole"), UNREACHABLE(7, "unreachable"),
    PROHIBIT(8, "prohibit");

    private final int number;
    private final String word;

    RuleAction(int number, String word) {
        this.number = number;
        this.word = word;
    }

    public int number() {
        return number;
    }

    public String word() {
        return word;
    }

    public static Optional<RuleAction> of(int number) {
        for (RuleAction a : values()) {
            if (a.number == number) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    public static Optional<RuleAction> ofWord(String word) {
        for (RuleAction a : values()) {
            if (a.word.equals(word)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }
}
