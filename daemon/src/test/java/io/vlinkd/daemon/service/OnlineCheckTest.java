package io.vlinkd.daemon.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DaemonSettings;
import io.vlinkd.config.DesiredLink;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.SourceLocation;
import io.vlinkd.netlink.kind.OptionlessKind;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.AddressMessage;
import io.vlinkd.netlink.route.AddressSpec;
import io.vlinkd.netlink.route.IfAddrMsg;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.Attrs;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class OnlineCheckTest {
    private static final SourceLocation AT = new SourceLocation(Path.of("/etc/vlinkd/a.yaml"), 2, 5);

    private static LinkMessage link(int index, String name, boolean up) {
        return new LinkMessage(Rtnl.RTM_NEWLINK, new IfInfoMsg(Rtnl.AF_UNSPEC, 1, index, up ? Rtnl.IFF_UP : 0, 0),
                name, 1500, null, null, null, null, null, 0, null, null, null, Attrs.empty(), null, Attrs.empty(),
                null, Attrs.empty());
    }

    private static AddressMessage addr(int index, String ip, int prefix, int flags) throws Exception {
        InetAddress a = InetAddress.getByName(ip);
        return new AddressMessage(Rtnl.RTM_NEWADDR, new IfAddrMsg(Rtnl.AF_INET, prefix, 0, 0, index), a, a, null,
                flags, Attrs.empty());
    }

    private static DesiredState want() throws Exception {
        LinkSpec br = LinkSpec.of("br0", OptionlessKind.DUMMY, OptionlessKind.NONE).withState(AdminState.UP);
        DesiredLink d = new DesiredLink(br, List.of(AddressSpec.of(InetAddress.getByName("192.0.2.1"), 24)), true,
                AT);
        return new DesiredState(List.of(d), List.of(), List.of(), DaemonSettings.defaults(), List.of());
    }

    @Test
    void onlineWhenUpWithItsAddress() throws Exception {
        assertThat(OnlineCheck.missing(want(), List.of(link(3, "br0", true)), List.of(addr(3, "192.0.2.1", 24, 0))))
                .isEmpty();
    }

    @Test
    void saysWhatIsMissing() throws Exception {
        assertThat(OnlineCheck.missing(want(), List.of(), List.of())).containsExactly("br0: does not exist");
        assertThat(OnlineCheck.missing(want(), List.of(link(3, "br0", false)), List.of()))
                .containsExactly("br0: is down", "br0: has no address 192.0.2.1/24");
        assertThat(OnlineCheck.missing(want(), List.of(link(3, "br0", true)),
                List.of(addr(3, "192.0.2.1", 24, OnlineCheck.IFA_F_TENTATIVE))))
                .containsExactly("br0: address 192.0.2.1/24 is tentative (duplicate address detection)");
        // The same address on another interface does not count.
        assertThat(OnlineCheck.missing(want(), List.of(link(3, "br0", true)), List.of(addr(4, "192.0.2.1", 24, 0))))
                .containsExactly("br0: has no address 192.0.2.1/24");
    }
}
