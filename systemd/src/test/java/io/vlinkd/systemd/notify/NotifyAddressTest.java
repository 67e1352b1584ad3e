package io.vlinkd.systemd.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class NotifyAddressTest {

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.capacity()];
        b.duplicate().get(out);
        return out;
    }

    @Test
    void abstractNameStartsWithNulAndIsNotTerminated() {
        byte[] sa = bytes(new NotifyAddress("@abc").sockaddr());
        // sun_family (AF_UNIX, little-endian here) + "\0abc": addrlen 6, no trailing NUL.
        assertThat(sa).containsExactly(1, 0, 0, 'a', 'b', 'c');
    }

    @Test
    void pathIsNulTerminated() {
        byte[] sa = bytes(new NotifyAddress("/run/x").sockaddr());
        assertThat(sa).containsExactly(1, 0, '/', 'r', 'u', 'n', '/', 'x', 0);
    }

    @Test
    void refusesWhatSdNotifyRefuses() {
        assertThatThrownBy(() -> new NotifyAddress("relative/path")).hasMessageContaining("neither a path");
        assertThatThrownBy(() -> new NotifyAddress("/" + "x".repeat(108))).hasMessageContaining("108");
    }
}
