package io.vlinkd.netlink.ip;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * IPv4 settings over rtnetlink. iproute2 has no command that sets them, so the request is checked field by field
 * against inet_validate_link_af / inet_set_link_af's layout (IFLA_AF_SPEC { AF_INET { IFLA_INET_CONF { type =
 * IPV4_DEVCONF_x, u32 } } }), and read back from a dump's IFLA_INET_CONF array as inet_fill_link_af writes it; the
 * kernel test (Ipv4SettingsKernelTest) checks both against a real kernel and sysctl.
 */
class Ipv4SettingsTest {

    private static Ipv4Settings settings(Object... kv) {
        Map<Ipv4Setting, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(Ipv4Setting.of((String) kv[i]).orElseThrow(), kv[i + 1]);
        }
        return new Ipv4Settings(m);
    }

    @Test
    void aRequestNestsEachSettingUnderItsDevconfIndex() throws Exception {
        byte[] b = settings("forwarding", true, "rp-filter", "loose").request(7, "eth1").bytes();
        // nlmsghdr 16 + ifinfomsg 16, then AF_SPEC(26) { AF_INET(2) { INET_CONF(1) { 1: 1, 8: 2 } } }
        ByteBuffer w = ByteBuffer.wrap(b).order(ByteOrder.nativeOrder());
        assertThat(w.getShort(4)).isEqualTo((short) Rtnl.RTM_NEWLINK);
        assertThat(w.getInt(20)).isEqualTo(7);
        assertThat(new int[] {w.getShort(32), w.getShort(34), w.getShort(36), w.getShort(38), w.getShort(40),
                w.getShort(42)}).containsExactly(28, 26, 24, 2, 20, 1);
        assertThat(new int[] {w.getShort(44), w.getShort(46), w.getInt(48), w.getShort(52), w.getShort(54),
                w.getInt(56)}).containsExactly(8, 1, 1, 8, 8, 2);
        assertThat(b).hasSize(60);
        assertThat(settings("forwarding", true, "rp-filter", "loose").command("eth1"))
                .isEqualTo("sysctl -w net.ipv4.conf.eth1.forwarding=1 net.ipv4.conf.eth1.rp_filter=2");
    }

    @Test
    void aDumpsArrayIsReadBySlotAndComparedWithTheConfiguredOnesOnly() throws Exception {
        MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, 0);
        IfInfoMsg.of(7).writeTo(w);
        ByteBuffer conf = ByteBuffer.allocate(33 * 4).order(ByteOrder.nativeOrder());
        conf.putInt(0, 1);            // forwarding
        conf.putInt((8 - 1) * 4, 1);  // rp_filter strict
        conf.putInt((19 - 1) * 4, 2); // arp_ignore
        try (var af = w.nest(Ifla.IFLA_AF_SPEC); var inet = w.nest(Attr.of("AF_INET", 2, AttrType.NESTED))) {
            w.putBytes(Attr.of("IFLA_INET_CONF", 1, AttrType.BINARY), conf.array());
        }
        LinkMessage m = LinkMessage.decode(NlMessage.parseOne(w.finish("dump").bytes()));
        Ipv4Settings seen = Ipv4Settings.observed(m).orElseThrow();
        assertThat(seen.values().get(Ipv4Setting.of("forwarding").orElseThrow())).isEqualTo(true);
        assertThat(seen.values().get(Ipv4Setting.of("rp-filter").orElseThrow())).isEqualTo("strict");
        assertThat(seen.values().get(Ipv4Setting.of("arp-ignore").orElseThrow())).isEqualTo(2L);
        assertThat(seen.differences(settings("forwarding", true, "arp-ignore", 2L))).isEmpty();
        assertThat(seen.differences(settings("forwarding", false, "rp-filter", "loose", "proxy-arp", false)))
                .extracting(Ipv4Setting::key).containsExactly("forwarding", "rp-filter");
        assertThat(seen.only(List.of(Ipv4Setting.of("forwarding").orElseThrow())).keys())
                .containsExactly("forwarding true");
    }
}
