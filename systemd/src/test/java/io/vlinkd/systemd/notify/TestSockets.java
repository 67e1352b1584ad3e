package io.vlinkd.systemd.notify;

import java.nio.ByteBuffer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/** The receiving side systemd would play: bind a datagram socket and read what arrived. Tests only. */
public interface TestSockets {
    int MSG_DONTWAIT = 0x40;

    int socket(int domain, int type, int protocol);

    int bind(int fd, @In ByteBuffer addr, int addrlen);

    @ssize_t long recv(int fd, @Out ByteBuffer buf, @size_t long len, int flags);

    int close(int fd);
}
