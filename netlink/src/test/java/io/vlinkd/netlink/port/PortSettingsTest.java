package io.vlinkd.netlink.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.golden.GoldenAssert;
import io.vlinkd.netlink.golden.GoldenFixture;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Port settings against the bytes iproute2 6.1's {@code ip link set dev p0 type bridge_slave|bond_slave ...} sends
 * (golden/port/, captured with scripts/capture-golden), and read back from a port's IFLA_INFO_SLAVE_DATA.
 */
class PortSettingsTest {

    private static PortSettings bridge(Object... keysAndValues) {
        return settings(PortMaster.BRIDGE, keysAndValues);
    }

    private static PortSettings settings(PortMaster master, Object... keysAndValues) {
        Map<PortOption, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(master.option((String) keysAndValues[i]).orElseThrow(), keysAndValues[i + 1]);
        }
        return new PortSettings(master, m);
    }

    @Test
    void oneOptionIsSentAsIpLinkSetTypeBridgeSlave() {
        GoldenFixture f = GoldenFixture.load("port/bridge-port-learning.txt");
        PortSettings s = bridge("learning", false);
        GoldenAssert.assertSameBytes(f, s.request(f.ifindex().get("p0"), "p0", f.context()));
        assertThat("ip link set dev p0 " + s.ipWords()).isEqualTo(f.command());
    }

    @Test
    void everyBridgePortOptionMatchesIproute2() {
        GoldenFixture f = GoldenFixture.load("port/bridge-port-all.txt");
        PortSettings s = bridge("state", "forwarding", "priority", 7L, "cost", 5L, "hairpin", true, "guard", true,
                "root-block", true, "fastleave", true, "learning", false, "flood", false, "proxy-arp", true,
                "mcast-flood", false, "vlan-tunnel", true, "bcast-flood", false, "neigh-suppress", true,
                "isolated", true, "backup-port", "p2", "locked", true);
        assertThat(s.values().keySet()).containsExactlyElementsOf(PortMaster.BRIDGE.options());
        GoldenAssert.assertSameBytes(f, s.request(f.ifindex().get("p0"), "p0", f.context()));
        assertThat("ip link set dev p0 " + s.ipWords()).isEqualTo(f.command());
    }

    @Test
    void bondPortOptionsMatchIproute2() {
        GoldenFixture f = GoldenFixture.load("port/bond-port.txt");
        PortSettings s = settings(PortMaster.BOND, "queue-id", 3L, "prio", 10L);
        GoldenAssert.assertSameBytes(f, s.request(f.ifindex().get("p0"), "p0", f.context()));
        assertThat("ip link set dev p0 " + s.ipWords()).isEqualTo(f.command());
    }

    @Test
    void aPortsDumpedSettingsAreReadBackWithTheBackupPortNamed() throws Exception {
        // A port's RTM_NEWLINK as the kernel fills it: IFLA_INFO_SLAVE_KIND "bridge" and every IFLA_BRPORT_*.
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, 0);
        IfInfoMsg.of(4).writeTo(w);
        w.putString(Ifla.IFLA_IFNAME, "p0");
        try (var info = w.nest(Ifla.IFLA_LINKINFO)) {
            w.putString(Ifla.IFLA_INFO_SLAVE_KIND, "bridge");
            try (var data = w.nest(Ifla.IFLA_INFO_SLAVE_DATA)) {
                for (PortOption o : PortMaster.BRIDGE.options()) {
                    w.putInt(o.attr(), switch (o.key()) {
                        case "state" -> 3;
                        case "priority" -> 32;
                        case "cost" -> 2;
                        case "learning", "flood", "mcast-flood", "bcast-flood" -> 1;
                        case "backup-port" -> 6;
                        default -> 0;
                    });
                }
            }
        }
        LinkMessage m = LinkMessage.decode(NlMessage.parseOne(w.finish("port").bytes()));
        PortSettings seen = PortSettings.observed(m).orElseThrow().named(i -> i == 6 ? "p2" : null);
        assertThat(seen.values().get(PortMaster.BRIDGE.option("state").orElseThrow())).isEqualTo("forwarding");
        assertThat(seen.values().get(PortMaster.BRIDGE.option("cost").orElseThrow())).isEqualTo(2L);
        assertThat(seen.values().get(PortMaster.BRIDGE.option("backup-port").orElseThrow())).isEqualTo("p2");
        assertThat(seen.differences(bridge("learning", true, "cost", 2L, "isolated", false))).isEmpty();
        assertThat(seen.differences(bridge("learning", false, "cost", 5L, "backup-port", "")))
                .extracting(PortOption::key).containsExactly("learning", "cost", "backup-port");
        assertThat(seen.only(List.of(PortMaster.BRIDGE.option("learning").orElseThrow())).keys())
                .containsExactly("learning true");
    }

    @Test
    void aPortWithoutABackupPortReadsAsNoneAndALinkThatIsNoPortHasNoSettings() throws Exception {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, 0);
        IfInfoMsg.of(4).writeTo(w);
        try (var info = w.nest(Ifla.IFLA_LINKINFO)) {
            w.putString(Ifla.IFLA_INFO_SLAVE_KIND, "bridge");
            try (var data = w.nest(Ifla.IFLA_INFO_SLAVE_DATA)) {
                w.putInt(PortMaster.BRIDGE.option("learning").orElseThrow().attr(), 1);
            }
        }
        PortSettings seen = PortSettings.observed(LinkMessage.decode(NlMessage.parseOne(w.finish("p").bytes())))
                .orElseThrow().named(i -> null);
        assertThat(seen.differences(bridge("backup-port", ""))).isEmpty();
        assertThat(bridge("backup-port", "").ipWords()).isEqualTo("type bridge_slave nobackup_port");

        MessageWriter plain = MessageWriter.request(Rtnl.RTM_NEWLINK, 0);
        IfInfoMsg.of(5).writeTo(plain);
        assertThat(PortSettings.observed(LinkMessage.decode(NlMessage.parseOne(plain.finish("x").bytes()))))
                .isEmpty();
    }
}
