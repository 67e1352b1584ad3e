package io.vlinkd.netlink.kind;

import java.util.List;

/**
 * The type of one option's value, as the operator writes it. One model drives config parsing, config validation,
 * the JSON Schema and the docs table. The Java value each type produces is given per type.
 */
public sealed interface ValueType {

    /** {@code true}/{@code false} (YAML 1.2: {@code no}/{@code off} stay strings) → {@link Boolean}. */
    record Bool() implements ValueType {
    }

    /** An integer in {@code [min, max]} → {@link Long}. */
    record Int(long min, long max) implements ValueType {
    }

    /** One of a fixed set of words, in iproute2's spelling ({@code 802.3ad}, {@code layer3+4}) → {@link String}. */
    record Choice(List<String> words) implements ValueType {
        public Choice {
            words = List.copyOf(words);
        }

        public static Choice of(String... words) {
            return new Choice(List.of(words));
        }
    }

    /** Free text of at most {@code maxBytes} UTF-8 bytes → {@link String}. */
    record Text(int maxBytes) implements ValueType {
    }

    /** The name of another interface (a parent, a primary port...): checked by the config as a reference → String. */
    record InterfaceName() implements ValueType {
    }

    /**
     * The name of a companion interface this link creates with itself (a veth's or vxcan's peer) → String. A
     * definition, not a reference: the config counts it as defined, and the planner creates and deletes it with
     * its link.
     */
    record PeerName() implements ValueType {
    }

    /** An IP address of the given family → {@link java.net.InetAddress}. */
    record Ip(Family family) implements ValueType {
    }

    /** An Ethernet address → {@link io.vlinkd.netlink.wire.MacAddress}. */
    record Mac() implements ValueType {
    }

    /** A list (YAML sequence) → {@link java.util.List} of the element type's values. */
    record ListOf(ValueType element) implements ValueType {
    }

    /** A map of integers to integers (VLAN qos maps: {@code {0: 3, 1: 4}}) → {@code Map<Long, Long>}, ordered. */
    record IntMap(Int key, Int value) implements ValueType {
    }

    /** The first alternative that accepts the value wins ({@code tos: inherit | 0..255 | af41}) → its value. */
    record AnyOf(List<ValueType> alternatives) implements ValueType {
        public AnyOf {
            alternatives = List.copyOf(alternatives);
        }

        public static AnyOf of(ValueType... alternatives) {
            return new AnyOf(List.of(alternatives));
        }
    }

    enum Family { ANY, V4, V6 }

    // Shorthands that read well in option tables.

    static Bool bool() {
        return new Bool();
    }

    static Int integer(long min, long max) {
        return new Int(min, max);
    }

    static Int u8() {
        return new Int(0, 0xff);
    }

    static Int u16() {
        return new Int(0, 0xffff);
    }

    static Int u32() {
        return new Int(0, 0xffffffffL);
    }

    static Choice choice(String... words) {
        return Choice.of(words);
    }

    static Ip ip() {
        return new Ip(Family.ANY);
    }

    static Ip ipv4() {
        return new Ip(Family.V4);
    }

    static Ip ipv6() {
        return new Ip(Family.V6);
    }

    static Mac mac() {
        return new Mac();
    }

    static InterfaceName interfaceName() {
        return new InterfaceName();
    }

    static PeerName peerName() {
        return new PeerName();
    }
}
