package io.vlinkd.netlink.socket;

import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import jnr.ffi.byref.IntByReference;

/**
 * One bound {@code AF_NETLINK} socket file descriptor: the raw calls, their errno, and the sender check. Owned by
 * exactly one {@link NetlinkSocket} or {@link EventSocket}, which serialise access to it.
 */
final class NetlinkFd implements AutoCloseable {
    private final int fd;
    private final String what;
    private final ByteBuffer kernelAddress;
    private final ByteBuffer senderAddress;
    private final ByteBuffer senderLength = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
    private final int portId;
    private boolean closed;

    private NetlinkFd(int fd, String what) throws NetlinkException {
        this.fd = fd;
        this.what = what;
        this.kernelAddress = sockaddr(0, 0);
        this.senderAddress = ByteBuffer.allocateDirect(Native.SOCKADDR_NL_LENGTH).order(ByteOrder.nativeOrder());
        try {
            // nl_pid 0 lets the kernel choose our port id; nl_groups 0: multicast groups are joined by option.
            if (Native.libc().bind(fd, sockaddr(0, 0), Native.SOCKADDR_NL_LENGTH) < 0) {
                throw call("bind", Native.errno());
            }
            ByteBuffer bound = ByteBuffer.allocateDirect(Native.SOCKADDR_NL_LENGTH).order(ByteOrder.nativeOrder());
            IntByReference len = new IntByReference(Native.SOCKADDR_NL_LENGTH);
            if (Native.libc().getsockname(fd, bound, len) < 0) {
                throw call("getsockname", Native.errno());
            }
            this.portId = bound.getInt(4);
        } catch (NetlinkException | RuntimeException e) {
            Native.libc().close(fd);
            throw e;
        }
    }

    /**
     * Opens and binds a netlink socket of {@code protocol} inside {@code netns}. The socket is created on a
     * dedicated platform thread that enters the namespace and then ends: setns() changes only the calling thread,
     * and a socket stays in the namespace it was created in (FACTS.md).
     */
    static NetlinkFd open(int protocol, Netns netns) throws NetlinkException {
        String what = "netlink socket (protocol " + protocol + ") in " + netns;
        int fd = netns.isCurrent() ? socketHere(protocol, what) : socketInside(protocol, netns, what);
        return new NetlinkFd(fd, what);
    }

    private static int socketHere(int protocol, String what) throws NetlinkException {
        int fd = Native.libc().socket(Native.AF_NETLINK, Native.SOCK_RAW | Native.SOCK_CLOEXEC, protocol);
        if (fd < 0) {
            throw NetlinkException.ofCall("socket(AF_NETLINK) for " + what, Native.errno());
        }
        return fd;
    }

    private static int socketInside(int protocol, Netns netns, String what) throws NetlinkException {
        Object[] outcome = new Object[1];
        Thread t = new Thread(() -> {
            try {
                int nsfd = Native.libc().open(netns.path(), Native.O_RDONLY | Native.O_CLOEXEC);
                if (nsfd < 0) {
                    throw NetlinkException.ofCall("open " + netns.path(), Native.errno());
                }
                try {
                    if (Native.libc().setns(nsfd, Native.CLONE_NEWNET) < 0) {
                        throw NetlinkException.ofCall("setns " + netns.path(), Native.errno());
                    }
                } finally {
                    Native.libc().close(nsfd);
                }
                outcome[0] = socketHere(protocol, what);
            } catch (NetlinkException | RuntimeException e) {
                outcome[0] = e;
            }
        }, "vlinkd-netns-open");
        t.setDaemon(true);
        t.start();
        boolean interrupted = false;
        while (true) {
            try {
                t.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true; // the thread is short-lived and must not leak a socket: wait for it
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        // Thread.join() orders the thread's write of outcome[0] before this read.
        if (outcome[0] instanceof Integer fd) {
            return fd;
        }
        if (outcome[0] instanceof NetlinkException e) {
            throw e;
        }
        if (outcome[0] instanceof RuntimeException e) {
            throw e;
        }
        throw new IllegalStateException("namespace thread ended without an outcome");
    }

    int fd() {
        return fd;
    }

    /** Our port id (nl_pid), as the kernel assigned it at bind. */
    int portId() {
        return portId;
    }

    void setInt(int level, int option, int value, String name) throws NetlinkException {
        ByteBuffer v = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putInt(0, value);
        if (Native.libc().setsockopt(fd, level, option, v, 4) < 0) {
            throw call("setsockopt " + name, Native.errno());
        }
    }

    /** Like {@link #setInt} but returns the errno (0 on success) instead of throwing. */
    int trySetInt(int level, int option, int value) {
        ByteBuffer v = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putInt(0, value);
        return Native.libc().setsockopt(fd, level, option, v, 4) < 0 ? Native.errno() : 0;
    }

    int getInt(int level, int option, String name) throws NetlinkException {
        ByteBuffer v = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
        IntByReference len = new IntByReference(4);
        if (Native.libc().getsockopt(fd, level, option, v, len) < 0) {
            throw call("getsockopt " + name, Native.errno());
        }
        return v.getInt(0);
    }

    /**
     * Asks for a receive buffer of {@code bytes}: SO_RCVBUFFORCE first (ignores net.core.rmem_max but needs
     * CAP_NET_ADMIN), then SO_RCVBUF (capped at rmem_max). Returns what the kernel granted (it doubles the value).
     */
    int receiveBuffer(int bytes) throws NetlinkException {
        if (trySetInt(Native.SOL_SOCKET, Native.SO_RCVBUFFORCE, bytes) != 0) {
            setInt(Native.SOL_SOCKET, Native.SO_RCVBUF, bytes, "SO_RCVBUF");
        }
        return getInt(Native.SOL_SOCKET, Native.SO_RCVBUF, "SO_RCVBUF");
    }

    /** Same for the send buffer: a pipelined datagram must fit in it (netlink_sendmsg: EMSGSIZE otherwise). */
    int sendBuffer(int bytes) throws NetlinkException {
        if (trySetInt(Native.SOL_SOCKET, Native.SO_SNDBUFFORCE, bytes) != 0) {
            setInt(Native.SOL_SOCKET, Native.SO_SNDBUF, bytes, "SO_SNDBUF");
        }
        return getInt(Native.SOL_SOCKET, Native.SO_SNDBUF, "SO_SNDBUF");
    }

    /** SO_RCVTIMEO: a blocked recvfrom returns EAGAIN after this; Thread.interrupt() would not wake it. */
    void receiveTimeout(Duration timeout) throws NetlinkException {
        ByteBuffer tv = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
        tv.putLong(0, timeout.toSeconds());
        tv.putLong(8, timeout.toNanosPart() / 1000);
        if (Native.libc().setsockopt(fd, Native.SOL_SOCKET, Native.SO_RCVTIMEO, tv, 16) < 0) {
            throw call("setsockopt SO_RCVTIMEO", Native.errno());
        }
    }

    /** Sends {@code buf[0, length)} to the kernel (port 0) as one datagram. Returns 0 or the errno. */
    int send(ByteBuffer buf, int length) {
        while (true) {
            long n = Native.libc().sendto(fd, buf, length, 0, kernelAddress, Native.SOCKADDR_NL_LENGTH);
            if (n >= 0) {
                return 0;
            }
            int errno = Native.errno();
            if (errno != Errno.EINTR) {
                return errno;
            }
        }
    }

    /**
     * Receives one datagram into {@code buf}. Returns its full length (with MSG_TRUNC the kernel reports the real
     * length even when it did not fit, so the caller detects truncation), or minus the errno. EINTR is retried.
     */
    long receive(ByteBuffer buf, int flags) {
        while (true) {
            senderLength.putInt(0, Native.SOCKADDR_NL_LENGTH);
            long n = Native.libc().recvfrom(fd, buf, buf.capacity(), flags | Native.MSG_TRUNC, senderAddress,
                    senderLength);
            if (n >= 0) {
                return n;
            }
            int errno = Native.errno();
            if (errno != Errno.EINTR) {
                return -errno;
            }
        }
    }

    /** The nl_pid of the last datagram's sender: 0 for the kernel, anything else is another process. */
    int lastSenderPort() {
        return senderAddress.getInt(4);
    }

    /** Waits until a datagram is readable; false on timeout. */
    boolean awaitReadable(Duration timeout) throws NetlinkException {
        return awaitReadable(timeout, -1);
    }

    /**
     * Waits until a datagram is readable, or {@code wakeFd} (an eventfd; -1: none) is; false on timeout and when
     * woken.
     */
    boolean awaitReadable(Duration timeout, int wakeFd) throws NetlinkException {
        ByteBuffer pfd = ByteBuffer.allocateDirect(16).order(ByteOrder.nativeOrder());
        pfd.putInt(0, fd);
        pfd.putShort(4, Native.POLLIN);
        pfd.putInt(8, wakeFd);
        pfd.putShort(12, Native.POLLIN);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = Math.max(0, deadline - System.nanoTime());
            int millis = (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000);
            int n = Native.libc().poll(pfd, wakeFd < 0 ? 1 : 2, millis);
            if (n > 0) {
                // Any event of the socket (POLLERR too: ENOBUFS is reported by the receive); else it was woken.
                return pfd.getShort(6) != 0;
            }
            if (n == 0) {
                return false;
            }
            int errno = Native.errno();
            if (errno != Errno.EINTR) {
                throw call("poll", errno);
            }
        }
    }

    NetlinkException call(String call, int errno) {
        return NetlinkException.ofCall(call + " on " + what, errno);
    }

    String describe() {
        return what;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            Native.libc().close(fd);
        }
    }

    private static ByteBuffer sockaddr(int pid, int groups) {
        ByteBuffer b = ByteBuffer.allocateDirect(Native.SOCKADDR_NL_LENGTH).order(ByteOrder.nativeOrder());
        b.putShort(0, (short) Native.AF_NETLINK);
        b.putInt(4, pid);
        b.putInt(8, groups);
        return b;
    }
}
