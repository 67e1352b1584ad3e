package io.vlinkd.systemd.notify;

import io.vlinkd.netlink.Errno;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * sd_notify(3) over jnr-ffi: one {@code socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC)}, kept open, and one
 * {@code sendto} per state change. Created only when {@code $NOTIFY_SOCKET} is set, so a daemon run by hand pays
 * nothing for it.
 */
public final class SdNotify implements AutoCloseable {
    private final LibC libc;
    private final Runtime runtime;
    private final NotifyAddress address;
    private final ByteBuffer sockaddr;
    private final int fd;

    private SdNotify(LibC libc, NotifyAddress address) throws IOException {
        this.libc = libc;
        this.runtime = Runtime.getRuntime(libc);
        this.address = address;
        this.sockaddr = address.sockaddr();
        int s = libc.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
        if (s < 0) {
            throw new IOException("socket(AF_UNIX, SOCK_DGRAM) for NOTIFY_SOCKET " + address + ": "
                    + Errno.name(runtime.getLastError()));
        }
        this.fd = s;
    }

    /** Opens a notifier for {@code address}; loads libc through jnr-ffi (a fraction of a second, done once). */
    public static SdNotify open(NotifyAddress address) throws IOException {
        return new SdNotify(LibraryLoader.create(LibC.class).load("c"), address);
    }

    /** A notifier for {@code $NOTIFY_SOCKET} in {@code env}, or null when the variable is unset or empty. */
    public static SdNotify fromEnvironment(Map<String, String> env) throws IOException {
        String v = env.get("NOTIFY_SOCKET");
        if (v == null || v.isEmpty()) {
            return null;
        }
        return open(new NotifyAddress(v));
    }

    public NotifyAddress address() {
        return address;
    }

    /**
     * Sends one datagram of newline-separated {@code KEY=VALUE} assignments, as sd_notify does.
     * A datagram is delivered whole or not at all, so a failure means systemd saw nothing of it.
     */
    public synchronized void send(String state) throws IOException {
        byte[] bytes = state.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.allocateDirect(bytes.length);
        buf.put(bytes).flip();
        long n = libc.sendto(fd, buf, bytes.length, LibC.MSG_NOSIGNAL, sockaddr, sockaddr.capacity());
        if (n < 0) {
            // errno is only meaningful right after a failed call (FACTS.md), which this is.
            throw new IOException("sendto NOTIFY_SOCKET " + address + ": " + Errno.name(runtime.getLastError()));
        }
        if (n != bytes.length) {
            throw new IOException("sendto NOTIFY_SOCKET " + address + ": sent " + n + " of " + bytes.length
                    + " bytes");
        }
    }

    @Override
    public synchronized void close() {
        libc.close(fd);
    }
}
