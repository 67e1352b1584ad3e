package io.vlinkd.netlink.kind.tunnel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The DS field names iproute2 accepts for {@code tos} ({@code /etc/iproute2/rt_dsfield}, read by
 * {@code rtnl_dsfield_a2n()} in lib/rt_names.c): each is the whole byte (DSCP shifted left by two), e.g.
 * {@code af41} = 0x88, {@code ef} = 0xb8. iproute2 matches them case-sensitively in upper case; config takes them in
 * lower case, the way they are written in YAML. Numbers given to {@code ip} are parsed as hexadecimal there, so
 * {@link #ipWord} always prints {@code 0x..}.
 */
final class Dsfield {
    private Dsfield() {
    }

    private static final Map<String, Integer> NAMES = names();

    private static Map<String, Integer> names() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("default", 0x00);
        m.put("af11", 0x28);
        m.put("af12", 0x30);
        m.put("af13", 0x38);
        m.put("af21", 0x48);
        m.put("af22", 0x50);
        m.put("af23", 0x58);
        m.put("af31", 0x68);
        m.put("af32", 0x70);
        m.put("af33", 0x78);
        m.put("af41", 0x88);
        m.put("af42", 0x90);
        m.put("af43", 0x98);
        m.put("cs1", 0x20);
        m.put("cs2", 0x40);
        m.put("cs3", 0x60);
        m.put("cs4", 0x80);
        m.put("cs5", 0xa0);
        m.put("cs6", 0xc0);
        m.put("cs7", 0xe0);
        m.put("ef", 0xb8);
        return m;
    }

    /** The names, in table order, for the option's choice list. */
    static List<String> words() {
        return List.copyOf(NAMES.keySet());
    }

    /** The DS byte of a name, or null when {@code word} is not one. */
    static Integer value(String word) {
        return NAMES.get(word);
    }

    /** The byte as {@code ip} reads it back: hexadecimal with a {@code 0x} prefix. */
    static String ipWord(long value) {
        return "0x" + Long.toHexString(value);
    }
}
