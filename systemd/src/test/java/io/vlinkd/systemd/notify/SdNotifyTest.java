package io.vlinkd.systemd.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import jnr.ffi.LibraryLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdNotifyTest {
    private static final TestSockets SOCKETS = LibraryLoader.create(TestSockets.class).load("c");

    private int receiver = -1;

    @BeforeEach
    void openReceiver() {
        receiver = SOCKETS.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM, 0);
        assertThat(receiver).isGreaterThanOrEqualTo(0);
    }

    @AfterEach
    void closeReceiver() {
        SOCKETS.close(receiver);
    }

    private void bind(NotifyAddress a) {
        ByteBuffer sa = a.sockaddr();
        assertThat(SOCKETS.bind(receiver, sa, sa.capacity())).as("bind " + a).isZero();
    }

    /** The datagram waiting on the receiver; sendto on a Unix datagram socket has queued it before returning. */
    private String received() {
        ByteBuffer buf = ByteBuffer.allocateDirect(4096);
        long n = SOCKETS.recv(receiver, buf, buf.capacity(), TestSockets.MSG_DONTWAIT);
        assertThat(n).as("a datagram is waiting").isPositive();
        byte[] b = new byte[(int) n];
        buf.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void sendsToAPathSocket(@TempDir Path dir) throws Exception {
        NotifyAddress a = new NotifyAddress(dir.resolve("notify").toString());
        bind(a);
        try (SdNotify n = SdNotify.open(a)) {
            n.send("READY=1\nSTATUS=converged: 3 created");
        }
        assertThat(received()).isEqualTo("READY=1\nSTATUS=converged: 3 created");
    }

    @Test
    void sendsToAnAbstractSocket() throws Exception {
        NotifyAddress a = new NotifyAddress("@vlinkd-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
        bind(a);
        try (SdNotify n = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", a.value()))) {
            n.send("WATCHDOG=1");
            n.send("STOPPING=1");
        }
        assertThat(received()).isEqualTo("WATCHDOG=1");
        assertThat(received()).isEqualTo("STOPPING=1");
    }

    @Test
    void sendToAnAddressNobodyListensOnFailsWithTheErrno(@TempDir Path dir) throws Exception {
        try (SdNotify n = SdNotify.open(new NotifyAddress(dir.resolve("nobody").toString()))) {
            assertThatThrownBy(() -> n.send("READY=1")).hasMessageContaining("ENOENT")
                    .hasMessageContaining(dir.resolve("nobody").toString());
        }
    }

    @Test
    void noNotifierWithoutTheVariable() throws Exception {
        assertThat(SdNotify.fromEnvironment(Map.of())).isNull();
        assertThat(SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", ""))).isNull();
    }
}
