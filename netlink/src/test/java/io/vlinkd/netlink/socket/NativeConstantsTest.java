package io.vlinkd.netlink.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.CHeaders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The socket API numbers in {@link Native} against glibc's and the kernel's headers of this architecture. */
class NativeConstantsTest {

    @Test
    void socketApiNumbersMatchTheHeaders() throws IOException {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
        Path inc = Path.of("/usr/include");
        List<Path> files = List.of(inc.resolve(arch + "/bits/socket.h"), inc.resolve(arch + "/bits/socket_type.h"),
                inc.resolve("asm-generic/socket.h"), inc.resolve("asm-generic/fcntl.h"),
                inc.resolve("linux/sched.h"), inc.resolve("asm-generic/poll.h"));
        Assumptions.assumeTrue(files.stream().allMatch(Files::isRegularFile),
                "glibc/kernel headers missing (install libc6-dev linux-libc-dev): socket numbers not checked");
        CHeaders h = CHeaders.read(files);
        Map<String, Long> ours = Map.ofEntries(
                Map.entry("AF_NETLINK", (long) Native.AF_NETLINK),
                Map.entry("SOCK_RAW", (long) Native.SOCK_RAW),
                Map.entry("SOCK_CLOEXEC", (long) Native.SOCK_CLOEXEC),
                Map.entry("SOL_SOCKET", (long) Native.SOL_SOCKET),
                Map.entry("SO_SNDBUF", (long) Native.SO_SNDBUF),
                Map.entry("SO_RCVBUF", (long) Native.SO_RCVBUF),
                // SO_RCVTIMEO is a sizeof() choice in the header; the 64-bit timeval one is SO_RCVTIMEO_OLD.
                Map.entry("SO_RCVTIMEO_OLD", (long) Native.SO_RCVTIMEO),
                Map.entry("SO_SNDBUFFORCE", (long) Native.SO_SNDBUFFORCE),
                Map.entry("SO_RCVBUFFORCE", (long) Native.SO_RCVBUFFORCE),
                Map.entry("MSG_TRUNC", (long) Native.MSG_TRUNC),
                Map.entry("MSG_DONTWAIT", (long) Native.MSG_DONTWAIT),
                Map.entry("O_RDONLY", (long) Native.O_RDONLY),
                Map.entry("O_CLOEXEC", (long) Native.O_CLOEXEC),
                Map.entry("CLONE_NEWNET", (long) Native.CLONE_NEWNET),
                Map.entry("POLLIN", (long) Native.POLLIN));
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Long> e : ours.entrySet()) {
            if (!h.values(e.getKey()).contains(e.getValue())) {
                wrong.add(e.getKey() + " = " + e.getValue() + ", header: " + h.values(e.getKey()));
            }
        }
        assertThat(wrong).isEmpty();
    }
}
