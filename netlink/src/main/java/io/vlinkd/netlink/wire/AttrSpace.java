package io.vlinkd.netlink.wire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named set of attributes (one kernel enum, e.g. {@code IFLA_VXLAN_*}), indexed by number for decoding and for
 * naming attributes in dumps and errors. Built from explicit constants, never from positions.
 */
public final class AttrSpace {
    private final String name;
    private final Map<Integer, Attr> byType;

    private AttrSpace(String name, Map<Integer, Attr> byType) {
        this.name = name;
        this.byType = byType;
    }

    public static AttrSpace of(String name, Attr... attrs) {
        Map<Integer, Attr> map = new LinkedHashMap<>();
        for (Attr a : attrs) {
            Attr previous = map.put(a.type(), a);
            if (previous != null) {
                throw new IllegalArgumentException(name + ": " + a.name() + " and " + previous.name()
                        + " share number " + a.type());
            }
        }
        return new AttrSpace(name, Collections.unmodifiableMap(map));
    }

    public String name() {
        return name;
    }

    /** The attribute with this number, or null when this space does not know it (a newer kernel's attribute). */
    public Attr get(int type) {
        return byType.get(type);
    }

    public String nameOf(int type) {
        Attr a = byType.get(type);
        return a != null ? a.name() : name + "_" + type;
    }

    public List<Attr> all() {
        return List.copyOf(byType.values());
    }
}
