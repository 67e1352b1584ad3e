package io.vlinkd.netlink.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.kind.BridgeKind;
import io.vlinkd.netlink.kind.BridgeSpec;
import io.vlinkd.netlink.kind.OptionlessKind;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.link.AdminState;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MacAddress;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The common link requests against iproute2 6.1's, captured with {@code scripts/capture-golden} under
 * {@code golden/link/}, both ways: our parser reads the capture into the values of its command, and
 * {@link LinkRequests} emits the captured bytes (sequence number and port id aside).
 */
class LinkRequestsGoldenTest {

    private static final LinkSpec DUMMY = LinkSpec.of("d0", OptionlessKind.DUMMY, OptionlessKind.NONE);

    private static LinkMessage parsed(GoldenFixture f) throws Exception {
        NlMessage m = f.message();
        assertThat(m.hasFlag(Netlink.NLM_F_REQUEST)).isTrue();
        assertThat(m.hasFlag(Netlink.NLM_F_ACK)).isTrue();
        return LinkMessage.decode(m);
    }

    @Test
    void theReconcilersDumpAsksTheKernelToLeaveTheCountersOut() throws Exception {
        NlMessage m = NlMessage.parseOne(LinkRequests.dumpWithoutStats().bytes());
        assertThat(m.type()).isEqualTo(Rtnl.RTM_GETLINK);
        assertThat(m.flags() & Netlink.NLM_F_DUMP).isEqualTo(Netlink.NLM_F_DUMP);
        assertThat(m.attributesAfter(IfInfoMsg.LENGTH).integer(Ifla.IFLA_EXT_MASK, -1)).isEqualTo(8); // SKIP_STATS
    }

    @Test
    void createWithEveryCommonSettingMatchesIproute2() throws Exception {
        // ip link add link p0 name d2 mtu 1400 address 02:00:00:00:00:04 txqueuelen 700 master br0
        //     alias everything type dummy
        GoldenFixture f = GoldenFixture.load("link/create-all-common.txt");
        LinkMessage l = parsed(f);
        assertThat(f.message().flags()).isEqualTo(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE
                | Netlink.NLM_F_EXCL);
        assertThat(l.name()).isEqualTo("d2");
        assertThat(l.mtu()).isEqualTo(1400);
        assertThat(l.address()).isEqualTo(MacAddress.parse("02:00:00:00:00:04"));
        assertThat(l.txqlen()).isEqualTo(700);
        assertThat(l.master()).isEqualTo(f.ifindex().get("br0"));
        assertThat(l.link()).isEqualTo(f.ifindex().get("p0"));
        assertThat(l.alias()).isEqualTo("everything");
        assertThat(l.kind()).isEqualTo("dummy");
        assertThat(l.isUp()).isFalse();

        LinkSpec spec = new LinkSpec("d2", OptionlessKind.DUMMY, OptionlessKind.NONE, Optional.of(1400),
                Optional.of(MacAddress.parse("02:00:00:00:00:04")), Optional.empty(), Optional.of("br0"),
                Optional.of("p0"), Optional.of("everything"), Optional.of(700), Optional.empty());
        GoldenAssert.assertSameBytes(f, LinkRequests.create(spec, f.context()));
    }

    @Test
    void createWithMtuAddressTxqueuelenMasterAndAliasMatchesIproute2() throws Exception {
        GoldenFixture f = GoldenFixture.load("link/create-common.txt");
        LinkMessage l = parsed(f);
        assertThat(l.name()).isEqualTo("d0");
        assertThat(l.link()).isNull();
        assertThat(l.master()).isEqualTo(f.ifindex().get("br0"));
        LinkSpec spec = DUMMY.withMtu(1400).withMac(MacAddress.parse("02:00:00:00:00:02")).withTxqueuelen(500)
                .withMaster("br0").withAlias("hello");
        GoldenAssert.assertSameBytes(f, LinkRequests.create(spec, f.context()));
    }

    @Test
    void createOnAParentLinkMatchesIproute2() throws Exception {
        GoldenFixture f = GoldenFixture.load("link/create-link-parent.txt");
        LinkMessage l = parsed(f);
        assertThat(l.name()).isEqualTo("d1");
        assertThat(l.link()).isEqualTo(f.ifindex().get("p0"));
        LinkSpec spec = LinkSpec.of("d1", OptionlessKind.DUMMY, OptionlessKind.NONE).withLink("p0")
                .withMtu(1400);
        GoldenAssert.assertSameBytes(f, LinkRequests.create(spec, f.context()));
    }

    @Test
    void createInAnotherNamespaceSendsTheNamespaceFdWhereIproute2Does() throws Exception {
        GoldenFixture f = GoldenFixture.load("link/create-netns.txt");
        LinkMessage l = parsed(f);
        int capturedFd = (int) l.attrs().integer(Ifla.IFLA_NET_NS_FD, -1);
        assertThat(capturedFd).isNotNegative();
        EncodeContext sameFd = new EncodeContext() {
            @Override
            public int ifindex(String name) {
                return f.context().ifindex(name);
            }

            @Override
            public int netnsFd(String netns) {
                assertThat(netns).isEqualTo("vlt-gold-ns");
                return capturedFd; // fd numbers differ per process: use the one iproute2 had
            }
        };
        LinkSpec spec = LinkSpec.of("d3", OptionlessKind.DUMMY, OptionlessKind.NONE).withMtu(1400)
                .withAlias("a").withNetns("vlt-gold-ns");
        GoldenAssert.assertSameBytes(f, LinkRequests.create(spec, sameFd));
    }

    @Test
    void createUpSetsIffUpInTheHeaderAsIproute2Does() throws Exception {
        GoldenFixture f = GoldenFixture.load("link/create-up.txt");
        IfInfoMsg h = IfInfoMsg.read(f.message());
        assertThat(h.flags()).isEqualTo(Rtnl.IFF_UP);
        assertThat(h.change()).isEqualTo(Rtnl.IFF_UP);
        GoldenAssert.assertSameBytes(f, LinkRequests.create(DUMMY.withState(AdminState.UP), f.context()));
    }

    @Test
    void createAPlainBridgeSendsNoInfoData() throws Exception {
        GoldenFixture f = GoldenFixture.load("link/create-bridge-plain.txt");
        LinkMessage l = parsed(f);
        assertThat(l.kind()).isEqualTo("bridge");
        assertThat(l.infoData().isEmpty()).isTrue();
        GoldenAssert.assertSameBytes(f, LinkRequests.create(LinkSpec.of("br1", BridgeKind.INSTANCE,
                BridgeSpec.unmanaged()), f.context()));
    }

    @Test
    void setUpAndDownChangeOnlyIffUp() throws Exception {
        GoldenFixture up = GoldenFixture.load("link/set-up.txt");
        GoldenFixture down = GoldenFixture.load("link/set-down.txt");
        int p0 = up.ifindex().get("p0");
        assertThat(IfInfoMsg.read(up.message())).isEqualTo(new IfInfoMsg(0, 0, p0, Rtnl.IFF_UP, Rtnl.IFF_UP));
        assertThat(IfInfoMsg.read(down.message())).isEqualTo(new IfInfoMsg(0, 0, p0, 0, Rtnl.IFF_UP));
        GoldenAssert.assertSameBytes(up, LinkRequests.setState(p0, "p0", AdminState.UP));
        GoldenAssert.assertSameBytes(down, LinkRequests.setState(down.ifindex().get("p0"), "p0", AdminState.DOWN));
    }

    @Test
    void setMasterAndNomasterMatchIproute2() throws Exception {
        GoldenFixture master = GoldenFixture.load("link/set-master.txt");
        GoldenFixture nomaster = GoldenFixture.load("link/set-nomaster.txt");
        assertThat(parsed(master).master()).isEqualTo(master.ifindex().get("br0"));
        assertThat(parsed(nomaster).master()).isZero();
        GoldenAssert.assertSameBytes(master, LinkRequests.setMaster(master.ifindex().get("p0"), "p0",
                master.ifindex().get("br0")));
        GoldenAssert.assertSameBytes(nomaster, LinkRequests.setMaster(nomaster.ifindex().get("p0"), "p0", 0));
    }

    @Test
    void changeOfCommonSettingsOnAnExistingInterfaceMatchesIpLinkSet() throws Exception {
        GoldenFixture f = GoldenFixture.load("link/set-common.txt");
        LinkMessage l = parsed(f);
        assertThat(l.index()).isEqualTo(f.ifindex().get("p0"));
        assertThat(l.mtu()).isEqualTo(1400);
        assertThat(l.txqlen()).isEqualTo(600);
        assertThat(l.alias()).isEqualTo("uplink");
        assertThat(l.kind()).isNull(); // `ip link set` without `type` sends no IFLA_LINKINFO
        LinkSpec existing = new LinkSpec("p0", null, null, Optional.of(1400),
                Optional.of(MacAddress.parse("02:00:00:00:00:03")), Optional.empty(), Optional.of("br0"),
                Optional.empty(), Optional.of("uplink"), Optional.of(600), Optional.empty());
        GoldenAssert.assertSameBytes(f, LinkRequests.change(l.index(), existing, f.context()));

        GoldenFixture mtu = GoldenFixture.load("link/set-mtu.txt");
        LinkSpec mtuOnly = new LinkSpec("p0", null, null, Optional.of(1400), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        GoldenAssert.assertSameBytes(mtu, LinkRequests.change(mtu.ifindex().get("p0"), mtuOnly, mtu.context()));
    }

    @Test
    void deleteByIndexMatchesIproute2() throws Exception {
        GoldenFixture f = GoldenFixture.load("link/delete.txt");
        NlMessage m = f.message();
        assertThat(m.type()).isEqualTo(Rtnl.RTM_DELLINK);
        assertThat(LinkMessage.decode(m).index()).isEqualTo(f.ifindex().get("p0"));
        NlRequest ours = LinkRequests.delete(f.ifindex().get("p0"), "p0");
        GoldenAssert.assertSameBytes(f, ours);
        assertThat(ours.summary()).isEqualTo("RTM_DELLINK p0");
    }
}
