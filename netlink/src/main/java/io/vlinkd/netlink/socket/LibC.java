package io.vlinkd.netlink.socket;

import java.nio.ByteBuffer;
import jnr.ffi.byref.IntByReference;

/**
 * The libc calls the netlink layer needs, bound by jnr-ffi. {@code ssize_t} and {@code size_t} are {@code long}
 * (FACTS.md); in/out length pointers carry no {@code @In}/{@code @Out} annotation so jnr copies them both ways.
 * Buffers are direct: jnr passes their address at {@code position()} and never moves position or limit.
 * Loaded once, lazily, by {@link Native}.
 */
public interface LibC {
    int socket(int domain, int type, int protocol);

    int bind(int fd, ByteBuffer addr, int addrlen);

    int getsockname(int fd, ByteBuffer addr, IntByReference addrlen);

    int setsockopt(int fd, int level, int optname, ByteBuffer optval, int optlen);

    int getsockopt(int fd, int level, int optname, ByteBuffer optval, IntByReference optlen);

    long sendto(int fd, ByteBuffer buf, long len, int flags, ByteBuffer addr, int addrlen);

    /** {@code addrlen} is a direct 4-byte buffer (socklen_t, in and out), reused across calls. */
    long recvfrom(int fd, ByteBuffer buf, long len, int flags, ByteBuffer addr, ByteBuffer addrlen);

    int poll(ByteBuffer fds, long nfds, int timeoutMillis);

    int close(int fd);

    int eventfd(int initval, int flags);

    long read(int fd, ByteBuffer buf, long count);

    long write(int fd, ByteBuffer buf, long count);

    int open(String path, int flags);

    int setns(int fd, int nstype);
}
