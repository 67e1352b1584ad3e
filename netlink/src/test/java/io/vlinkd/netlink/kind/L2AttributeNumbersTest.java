package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.wire.Attr;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The attribute numbers written by hand in the layer-2 kinds equal the kernel header's enums (counted from the
 * header's {@code *_UNSPEC} = 0). Attributes newer than the installed header are not in it and are skipped.
 */
class L2AttributeNumbersTest {
    private static final Path IF_LINK = Path.of("/usr/include/linux/if_link.h");

    @Test
    void bridgeVxlanAndVlanNumbersMatchTheHeader() throws IOException {
        Assumptions.assumeTrue(Files.isReadable(IF_LINK), "no kernel headers at " + IF_LINK);
        String header = Files.readString(IF_LINK);
        Map<String, Integer> numbers = new HashMap<>();
        numbers.putAll(enumFrom(header, "IFLA_BR_UNSPEC"));
        numbers.putAll(enumFrom(header, "IFLA_VXLAN_UNSPEC"));
        numbers.putAll(enumFrom(header, "IFLA_VLAN_UNSPEC"));
        List<Attr> ours = new java.util.ArrayList<>();
        ours.addAll(BridgeKind.INSTANCE.dataSpace().all());
        ours.addAll(VxlanKind.INSTANCE.dataSpace().all());
        ours.addAll(VlanKind.INSTANCE.dataSpace().all());
        int checked = 0;
        for (Attr a : ours) {
            Integer n = numbers.get(a.name());
            if (n != null) {
                assertThat(a.type()).as(a.name()).isEqualTo(n);
                checked++;
            }
        }
        assertThat(checked).as("attributes found in the header").isGreaterThan(50);
    }

    /** The members of the enum that starts with {@code first}, numbered from 0 (none of these assign values). */
    private static Map<String, Integer> enumFrom(String header, String first) {
        int start = header.indexOf(first);
        int end = header.indexOf("}", start);
        Map<String, Integer> m = new HashMap<>();
        Matcher names = Pattern.compile("\\b([A-Z][A-Z0-9_]+)\\s*,").matcher(header.substring(start, end));
        int n = 0;
        while (names.find()) {
            m.put(names.group(1), n++);
        }
        return m;
    }
}
