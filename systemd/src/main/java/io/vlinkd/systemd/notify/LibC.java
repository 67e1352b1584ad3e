package io.vlinkd.systemd.notify;

import java.nio.ByteBuffer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc calls sd_notify needs. The JDK has no datagram Unix sockets (FACTS.md), and {@code $NOTIFY_SOCKET}
 * is one, possibly abstract. {@code size_t}/{@code ssize_t} are 64-bit here, hence the annotations.
 */
public interface LibC {
    int AF_UNIX = 1;
    int SOCK_DGRAM = 2;
    /** Linux value of SOCK_CLOEXEC (== O_CLOEXEC on x86 and arm): the socket must not leak into children. */
    int SOCK_CLOEXEC = 0x80000;
    /** Do not raise SIGPIPE; systemd may have closed its end. */
    int MSG_NOSIGNAL = 0x4000;

    @SaveError
    int socket(int domain, int type, int protocol);

    @SaveError
    @ssize_t long sendto(int fd, @In ByteBuffer buf, @size_t long len, int flags, @In ByteBuffer addr, int addrlen);

    int close(int fd);
}
