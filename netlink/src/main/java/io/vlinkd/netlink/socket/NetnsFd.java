package io.vlinkd.netlink.socket;

/** An open file descriptor of a network namespace file; close it once the request that names it is sent. */
public final class NetnsFd implements AutoCloseable {
    private final int fd;
    private final Netns netns;
    private volatile boolean closed;

    NetnsFd(int fd, Netns netns) {
        this.fd = fd;
        this.netns = netns;
    }

    public int fd() {
        if (closed) {
            throw new IllegalStateException("fd of " + netns + " already closed");
        }
        return fd;
    }

    public Netns netns() {
        return netns;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            Native.libc().close(fd);
        }
    }
}
