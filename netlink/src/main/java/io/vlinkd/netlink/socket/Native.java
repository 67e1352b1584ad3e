package io.vlinkd.netlink.socket;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * The one place that loads libc through jnr-ffi. {@code LibraryLoader.load()} costs 0.2–0.5 s (FACTS.md), so it
 * happens once, on first use, by the class-holder idiom (the JVM runs the initializer exactly once, thread-safely).
 * Also holds the Linux numbers of the socket API ({@code <sys/socket.h>}, {@code <asm-generic/socket.h>},
 * {@code <fcntl.h>}, {@code <sched.h>}, x86_64/arm64 generic values).
 */
final class Native {
    private Native() {
    }

    static final int AF_NETLINK = 16;
    static final int SOCK_RAW = 3;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    /** SO_RCVTIMEO_OLD: a {@code struct timeval} of two longs on 64-bit. */
    static final int SO_RCVTIMEO = 20;
    static final int SO_SNDBUFFORCE = 32;
    static final int SO_RCVBUFFORCE = 33;
    static final int MSG_TRUNC = 0x20;
    static final int MSG_DONTWAIT = 0x40;
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;
    static final int CLONE_NEWNET = 0x40000000;
    static final short POLLIN = 0x1;
    /** sizeof(struct sockaddr_nl): family u16, pad u16, pid u32, groups u32. */
    static final int SOCKADDR_NL_LENGTH = 12;

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    static LibC libc() {
        return Holder.LIBC;
    }

    /**
     * errno of the calling thread. Meaningful only right after a call that failed: a successful call may leave a
     * stale value (FACTS.md saw a 2 after a successful sendto).
     */
    static int errno() {
        return LastError.getLastError(Holder.RUNTIME);
    }
}
