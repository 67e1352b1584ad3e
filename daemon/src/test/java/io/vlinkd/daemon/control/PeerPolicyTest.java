package io.vlinkd.daemon.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import jdk.net.UnixDomainPrincipal;
import org.junit.jupiter.api.Test;

class PeerPolicyTest {

    private static UnixDomainPrincipal peer(String user, String group) {
        UserPrincipal u = () -> user;
        GroupPrincipal g = () -> group;
        return new UnixDomainPrincipal(u, g);
    }

    @Test
    void rootIsAlwaysAllowed() {
        assertThat(PeerPolicy.rootOnly().refusal(peer("root", "root"))).isNull();
        assertThat(PeerPolicy.rootOnly().refusal(peer("0", "0"))).isNull();
    }

    @Test
    void othersAreRefusedWithTheReason() {
        assertThat(PeerPolicy.rootOnly().refusal(peer("alice", "staff")))
                .isEqualTo("user alice (group staff) may not use the control socket: only root");
    }

    @Test
    void theConfiguredGroupIsAllowedAndOnlyIt() {
        PeerPolicy p = new PeerPolicy(Optional.of("netops"));
        assertThat(p.refusal(peer("alice", "netops"))).isNull();
        assertThat(p.refusal(peer("bob", "staff"))).endsWith("only root or group netops");
    }
}
