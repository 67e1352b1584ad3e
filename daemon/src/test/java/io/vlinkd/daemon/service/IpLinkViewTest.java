package io.vlinkd.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.route.AddressMessage;
import io.vlinkd.netlink.route.IfAddrMsg;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MacAddress;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpLinkViewTest {

    private static LinkMessage link(int index, String name, int flags, Integer master, Integer parent, String kind) {
        return new LinkMessage(Rtnl.RTM_NEWLINK, new IfInfoMsg(Rtnl.AF_UNSPEC, 1, index, flags, 0), name, 1500,
                MacAddress.parse("02:00:00:00:00:0" + index), parent, master, null, 1000, 6, null, null, kind,
                Attrs.empty(), null, Attrs.empty(), null, Attrs.empty());
    }

    @Test
    void flagsAreInIproute2Order() {
        assertThat(IpLinkView.flags(Rtnl.IFF_UP | Rtnl.IFF_BROADCAST | Rtnl.IFF_MULTICAST | Rtnl.IFF_LOWER_UP))
                .isEqualTo("<BROADCAST,MULTICAST,UP,LOWER_UP>");
    }

    @Test
    void rendersParentMasterStateAndAddresses() throws Exception {
        LinkMessage br = link(2, "br0", Rtnl.IFF_UP | Rtnl.IFF_BROADCAST, null, null, null);
        LinkMessage v = link(3, "v0", Rtnl.IFF_BROADCAST, 2, 4, null);
        InetAddress a = InetAddress.getByName("192.0.2.1");
        AddressMessage addr = new AddressMessage(Rtnl.RTM_NEWADDR, new IfAddrMsg(Rtnl.AF_INET, 24, 0, 0, 2), a, a,
                "br0", 0, Attrs.empty());
        assertThat(IpLinkView.render(List.of(br, v), List.of(addr))).containsExactly(
                "2: br0: <BROADCAST,UP> mtu 1500 state UP qlen 1000",
                "    link/ether 02:00:00:00:00:02",
                "    inet 192.0.2.1/24",
                "3: v0@if4: <BROADCAST> mtu 1500 master br0 state UP qlen 1000",
                "    link/ether 02:00:00:00:00:03");
    }

    @Test
    void aKindWithoutAClassIsNamedNotGuessed() {
        assertThat(IpLinkView.render(List.of(link(5, "x0", 0, null, null, "frobnet"))))
                .contains("    frobnet (options not decoded: no kind class in this build)");
    }
}
