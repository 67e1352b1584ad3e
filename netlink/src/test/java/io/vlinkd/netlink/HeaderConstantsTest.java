package io.vlinkd.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.genl.Genl;
import io.vlinkd.netlink.route.Brvlan;
import io.vlinkd.netlink.route.Fra;
import io.vlinkd.netlink.route.Ifa;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.Nha;
import io.vlinkd.netlink.route.Rta;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.Netlink;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every number written by hand in the constants classes is checked against the installed kernel headers where the
 * header has it. The headers here are Linux 6.1 (FACTS.md): constants newer than that are reported as absent, not
 * failed. The test enumerates the classes' public static fields (the one use of reflection: listing constants by
 * hand here would be the very duplication this test exists to check).
 */
class HeaderConstantsTest {
    private static final Path INCLUDE = Path.of("/usr/include");
    private static CHeaders headers;

    /** Values that differ from the header on purpose, with the reason. */
    private static final Map<String, String> DELIBERATE = Map.of(
            "NLA_TYPE_MASK", "the header's ~(NLA_F_NESTED | NLA_F_NET_BYTEORDER) is an int; ours is masked to the"
                    + " 16-bit nla_type it applies to");

    @BeforeAll
    static void readHeaders() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String h : List.of("netlink", "rtnetlink", "if_link", "if_addr", "genetlink", "if", "neighbour",
                "if_bridge", "veth", "if_tunnel", "fib_rules", "nexthop")) {
            files.add(INCLUDE.resolve("linux/" + h + ".h"));
        }
        files.add(INCLUDE.resolve("x86_64-linux-gnu/bits/socket.h"));
        files.add(INCLUDE.resolve("aarch64-linux-gnu/bits/socket.h"));
        headers = CHeaders.read(files);
        Assumptions.assumeTrue(headers != null && headers.mentions("NLMSG_ERROR"),
                "no kernel headers in /usr/include/linux (install linux-libc-dev): constants not checked");
    }

    @Test
    void everyHandWrittenNumberMatchesTheKernelHeaders() throws IllegalAccessException {
        Map<String, Long> ours = new LinkedHashMap<>();
        for (Class<?> c : List.of(Netlink.class, Rtnl.class, Ifla.class, Ifa.class, Rta.class, Genl.class, Fra.class,
                Brvlan.class, Nha.class)) {
            collect(c, ours);
        }
        List<String> wrong = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, Long> e : ours.entrySet()) {
            Set<Long> theirs = headers.values(e.getKey());
            if (theirs.isEmpty()) {
                absent.add(e.getKey());
            } else if (DELIBERATE.containsKey(e.getKey())) {
                continue;
            } else if (!theirs.contains(e.getValue())) {
                wrong.add(e.getKey() + " = " + e.getValue() + " but the header says " + theirs);
            } else {
                checked++;
            }
        }
        System.out.println("HeaderConstantsTest: " + checked + " constants match the headers; not in the 6.1"
                + " headers or not a plain integer there (unchecked): " + absent);
        assertThat(wrong).as("constants that disagree with /usr/include").isEmpty();
        // Guard against a parser that silently reads nothing: most of our constants are in these headers.
        assertThat(checked).as("constants checked").isGreaterThan(ours.size() * 3 / 4);
    }

    @Test
    void theHeaderReaderResolvesEnumsDefinesAndExpressions() {
        assertThat(headers.values("NLMSG_ERROR")).containsExactly(2L);
        assertThat(headers.values("IFLA_MAX")).isNotEmpty(); // #define IFLA_MAX (__IFLA_MAX - 1) over an enum
        assertThat(headers.values("IFF_UP")).containsExactly(1L); // enum 1<<0 behind #define IFF_UP IFF_UP
        assertThat(headers.values("GENL_ID_CTRL")).containsExactly(16L); // NLMSG_MIN_TYPE from netlink.h
        assertThat(headers.values("AF_NETLINK")).containsExactly(16L); // AF_NETLINK -> PF_NETLINK -> 16
    }

    private static void collect(Class<?> c, Map<String, Long> into) throws IllegalAccessException {
        for (Field f : c.getFields()) {
            if (!Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Object v = f.get(null);
            if (v instanceof Integer i) {
                into.put(f.getName(), (long) i);
            } else if (v instanceof Attr a) {
                into.put(a.name(), (long) a.type());
            }
        }
    }
}
