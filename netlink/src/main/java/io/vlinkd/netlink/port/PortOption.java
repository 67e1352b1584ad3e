package io.vlinkd.netlink.port;

import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.kind.WireNumbers;
import io.vlinkd.netlink.kind.Words;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrType;

/**
 * One setting of a link as the port of a master ({@code bridge-port: { learning: false }}), in iproute2's words
 * ({@code ip link set dev X type bridge_slave learning off}): the attribute of the master's IFLA_INFO_SLAVE_DATA that
 * carries it, the values it takes and how they are written.
 *
 * @param key         the YAML key (kebab-case)
 * @param attr        its IFLA_BRPORT_* or IFLA_BOND_SLAVE_* attribute; the wire type gives the width
 * @param type        what values it takes: a bool (sent as u8 0/1), an integer, a choice (sent as its number in
 *                    {@code words}) or an interface name (sent as its ifindex, 0 for none)
 * @param words       the numbers of a choice's words; null for other types
 * @param ipWord      iproute2's word for it
 * @param description one line for the schema, the docs and {@code --help}, naming the attribute
 */
public record PortOption(String key, Attr attr, ValueType type, Words words, String ipWord, String description) {

    static PortOption flag(String key, String attrName, int number, String ipWord, String description) {
        return new PortOption(key, Attr.of(attrName, number, AttrType.U8), ValueType.bool(), null, ipWord,
                description + " (" + attrName + ")");
    }

    static PortOption number(String key, Attr attr, ValueType.Int type, String ipWord, String description) {
        return new PortOption(key, attr, type, null, ipWord, description + " (" + attr.name() + ")");
    }

    static PortOption choice(String key, Attr attr, Words words, String ipWord, String description) {
        return new PortOption(key, attr, words.choice(), words, ipWord, description + " (" + attr.name() + ")");
    }

    static PortOption port(String key, Attr attr, String ipWord, String description) {
        return new PortOption(key, attr, ValueType.interfaceName(), null, ipWord,
                description + " (" + attr.name() + ")");
    }

    /** Whether its value names an interface: written as that interface's ifindex, read back as a name. */
    public boolean namesInterface() {
        return type instanceof ValueType.InterfaceName;
    }

    /** The number written for {@code value} (a config value, with an interface already resolved to its index). */
    long wire(Object value) {
        return WireNumbers.toWire(value, words);
    }

    /** The config value of a dumped number (an interface as its ifindex, 0 for none; see {@link PortSettings}). */
    public Object value(long wire) {
        return namesInterface() ? (Object) (int) wire : WireNumbers.fromWire(wire, type, words);
    }

    /** How {@code value} reads after {@code type bridge_slave}: {@code learning off}, {@code cost 5}. */
    String ipWords(Object value) {
        if (value instanceof Boolean b) {
            return ipWord + (b ? " on" : " off");
        }
        if (namesInterface() && "".equals(value)) {
            return "no" + ipWord;
        }
        if (words != null) {
            return ipWord + " " + words.value((String) value);
        }
        return ipWord + " " + value;
    }
}
