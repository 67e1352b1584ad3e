package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.kind.team.TeamGenl;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Our hand-written attribute numbers against the kernel headers installed here ({@code /usr/include/linux}), read
 * as enums are counted: each member is the previous plus one unless it says {@code = N}.
 */
class KindHeaderConstantsTest {

    private static Map<String, Integer> enumValues(String header) throws IOException {
        Path p = Path.of("/usr/include/linux", header);
        Assumptions.assumeTrue(Files.exists(p), p + " is not installed (package linux-libc-dev)");
        String text = Files.readString(p).replaceAll("/\\*.*?\\*/", "");
        Map<String, Integer> out = new HashMap<>();
        Matcher block = Pattern.compile("enum\\s*\\w*\\s*\\{(.*?)\\}", Pattern.DOTALL).matcher(text);
        while (block.find()) {
            int next = 0;
            for (String member : block.group(1).split(",")) {
                Matcher m = Pattern.compile("^\\s*(\\w+)\\s*(?:=\\s*(\\w+))?\\s*$", Pattern.DOTALL).matcher(member);
                if (!m.matches()) {
                    continue;
                }
                if (m.group(2) != null) {
                    String v = m.group(2);
                    next = v.matches("\\d+") ? Integer.parseInt(v) : out.getOrDefault(v, -1000);
                }
                out.put(m.group(1), next++);
            }
        }
        return out;
    }

    private static void assertSpace(Map<String, Integer> header, AttrSpace space) {
        for (Attr a : space.all()) {
            assertThat(header.get(a.name())).as(a.name()).isEqualTo(a.type());
        }
    }

    @Test
    void linkKindAttributesMatchIfLinkH() throws IOException {
        Map<String, Integer> h = enumValues("if_link.h");
        assertSpace(h, MacvlanKind.INSTANCE.dataSpace());
        assertSpace(h, IpvlanKind.INSTANCE.dataSpace());
        assertSpace(h, BondKind.INSTANCE.dataSpace());
        assertSpace(h, VrfKind.INSTANCE.dataSpace());
        assertThat(h.get("MACVLAN_MACADDR_SET")).isEqualTo(MacvlanKind.MACVLAN_MACADDR_SET);
        for (String word : MacvlanKind.MODES.words()) {
            assertThat(h.get("MACVLAN_MODE_" + word.toUpperCase())).as(word)
                    .isEqualTo((int) MacvlanKind.MODES.value(word));
        }
        for (String word : IpvlanKind.MODES.words()) {
            assertThat(h.get("IPVLAN_MODE_" + word.toUpperCase())).isEqualTo((int) IpvlanKind.MODES.value(word));
        }
    }

    @Test
    void teamGenlNumbersMatchIfTeamH() throws IOException {
        Map<String, Integer> h = enumValues("if_team.h");
        assertSpace(h, TeamGenl.TEAM_ATTRS);
        assertSpace(h, TeamGenl.TEAM_ATTR_OPTIONS);
        assertThat(h.get("TEAM_ATTR_ITEM_OPTION")).isEqualTo(TeamGenl.TEAM_ATTR_ITEM_OPTION.type());
        assertThat(h.get("TEAM_CMD_OPTIONS_SET")).isEqualTo(TeamGenl.TEAM_CMD_OPTIONS_SET);
        assertThat(h.get("TEAM_CMD_OPTIONS_GET")).isEqualTo(TeamGenl.TEAM_CMD_OPTIONS_GET);
    }
}
