package io.vlinkd.netlink.socket;

import io.vlinkd.netlink.NetlinkException;

/**
 * A network namespace to open sockets in: the calling process's own, a named one ({@code ip netns add NAME} puts
 * it at {@code /run/netns/NAME}), or a process's ({@code /proc/PID/ns/net}).
 *
 * @param description how errors name it ({@code netns vlt-abc}, {@code netns of pid 42}, {@code current netns})
 * @param path        the namespace file, or null for the current namespace
 */
public record Netns(String description, String path) {

    public static Netns current() {
        return new Netns("current netns", null);
    }

    /** {@code /run/netns/NAME}; the name must be a plain file name, as {@code ip netns} requires. */
    public static Netns named(String name) {
        if (name == null || name.isEmpty() || name.contains("/") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("not a network namespace name: " + name);
        }
        return new Netns("netns " + name, "/run/netns/" + name);
    }

    public static Netns ofPid(int pid) {
        if (pid <= 0) {
            throw new IllegalArgumentException("not a process id: " + pid);
        }
        return new Netns("netns of pid " + pid, "/proc/" + pid + "/ns/net");
    }

    public boolean isCurrent() {
        return path == null;
    }

    /**
     * Opens the namespace file read-only, for {@code IFLA_NET_NS_FD} (veth {@code peer-netns}, moving a link).
     * The current namespace is {@code /proc/thread-self/ns/net}. Keep the holder open until the request is sent.
     */
    public NetnsFd openFd() throws NetlinkException {
        String file = path != null ? path : "/proc/thread-self/ns/net";
        int fd = Native.libc().open(file, Native.O_RDONLY | Native.O_CLOEXEC);
        if (fd < 0) {
            throw NetlinkException.ofCall("open " + file + " (" + description + ")", Native.errno());
        }
        return new NetnsFd(fd, this);
    }

    @Override
    public String toString() {
        return description;
    }
}
