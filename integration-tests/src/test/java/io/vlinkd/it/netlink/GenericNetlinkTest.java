package io.vlinkd.it.netlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.genl.Genl;
import io.vlinkd.netlink.genl.GenlFamily;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.Netlink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Resolving generic netlink families through the controller. */
class GenericNetlinkTest {

    @BeforeAll
    static void needsNamespaces() {
        Kernel.assumeNamespaces();
    }

    @Test
    void theControllerResolvesItselfWithItsNotifyGroup() throws Exception {
        try (TestNamespace ns = TestNamespace.create();
             NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_GENERIC, Netns.named(ns.name()))) {
            GenlFamily ctrl = GenlFamily.resolve(s, "nlctrl");
            assertThat(ctrl.name()).isEqualTo("nlctrl");
            assertThat(ctrl.id()).isEqualTo(Genl.GENL_ID_CTRL);
            assertThat(ctrl.version()).isPositive();
            assertThat(ctrl.multicastGroup("notify")).isPresent();
        }
    }

    @Test
    void aFamilyTheKernelLacksIsEnoentSaidPlainly() throws Exception {
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_GENERIC)) {
            assertThatThrownBy(() -> GenlFamily.resolve(s, "vlt-nofamily"))
                    .isInstanceOfSatisfying(NetlinkException.class, e -> {
                        assertThat(e.errno()).isEqualTo(Errno.ENOENT);
                        assertThat(e.getMessage()).isEqualTo("CTRL_CMD_GETFAMILY vlt-nofamily: ENOENT: this kernel"
                                + " has no generic netlink family \"vlt-nofamily\" (module not loaded or not built)");
                    });
        }
    }

    @Test
    void teamFamilyResolvesWhereTheKernelHasTeam() throws Exception {
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_GENERIC)) {
            GenlFamily team;
            try {
                team = GenlFamily.resolve(s, "team");
            } catch (NetlinkException e) {
                org.junit.jupiter.api.Assumptions.assumeTrue(e.errno() != Errno.ENOENT,
                        "this kernel has no team driver: runs in the full-kernel lane");
                throw e;
            }
            assertThat(team.id()).isGreaterThan(Genl.GENL_ID_CTRL);
            assertThat(team.multicastGroup("change_event")).isPresent();
        }
    }
}
