package io.vlinkd.netlink.kind;

import java.net.InetAddress;
import java.util.List;

/** How one option's spec value reads in an {@code ip link add ... type KIND} command. */
@FunctionalInterface
public interface IpWords {

    /** The words for {@code value}, the spec's value of the option (never null). */
    List<String> words(Object value);

    /** {@code word value} ({@code miimon 100}); addresses as {@code ip} prints them. */
    static IpWords keyValue(String word) {
        return v -> List.of(word, text(v));
    }

    /** {@code word} for true and {@code noword} for false ({@code learning}, {@code nolearning}). */
    static IpWords flag(String word) {
        return v -> List.of((Boolean) v ? word : "no" + word);
    }

    /** {@code word 1} or {@code word 0} ({@code stp_state 1}). */
    static IpWords zeroOne(String word) {
        return v -> List.of(word, (Boolean) v ? "1" : "0");
    }

    /** {@code word on} or {@code word off} ({@code reorder_hdr on}). */
    static IpWords onOff(String word) {
        return v -> List.of(word, (Boolean) v ? "on" : "off");
    }

    /** The value alone ({@code private}). */
    static IpWords valueOnly() {
        return v -> List.of(text(v));
    }

    static String text(Object v) {
        return v instanceof InetAddress a ? IpText.format(a) : v.toString();
    }
}
