package io.vlinkd.netlink.socket;

import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscription to rtnetlink multicast groups ({@code Rtnl.RTNLGRP_LINK}, {@code RTNLGRP_IPV4_IFADDR}...) in one
 * network namespace. Bound with {@code nl_groups = 0} and joined by {@code NETLINK_ADD_MEMBERSHIP}, which takes group
 * numbers (the bind mask only reaches the first 32 groups). When the kernel had to drop notifications because the
 * queue was full, {@link #poll} throws {@link EventsLostException}: the caller must dump everything again.
 *
 * <pre>{@code
 * try (EventSocket events = EventSocket.subscribe(Netns.named("blue"), Rtnl.RTNLGRP_LINK)) {
 *     for (NlMessage m : events.poll(Duration.ofSeconds(1))) { ... LinkMessage.decode(m) ... }
 * }
 * }</pre>
 */
public final class EventSocket implements AutoCloseable {
    /** A burst of link changes (a namespace teardown) is large; ask for a big queue (granted up to rmem_max). */
    private static final int WANTED_RCVBUF = 4 << 20;
    private static final int RECEIVE_BUFFER = 64 * 1024;

    private static final int EFD_NONBLOCK = 0x800;
    private static final int EFD_CLOEXEC = 0x80000;

    private final NetlinkFd fd;
    private final ByteBuffer receiveBuffer;
    /**
     * An eventfd that {@link #close} signals, so that a thread blocked in {@link #poll} returns at once instead of
     * at its timeout: a watcher can then wait without a timeout and wake up only for notifications.
     */
    private final int wakeFd;
    private final java.util.concurrent.atomic.AtomicBoolean closing = new java.util.concurrent.atomic.AtomicBoolean();

    private EventSocket(NetlinkFd fd, int wakeFd) {
        this.fd = fd;
        this.wakeFd = wakeFd;
        this.receiveBuffer = ByteBuffer.allocateDirect(RECEIVE_BUFFER).order(ByteOrder.nativeOrder());
    }

    /** Joins {@code rtnlGroups} (RTNLGRP_* numbers) on a NETLINK_ROUTE socket in {@code ns}. */
    public static EventSocket subscribe(Netns ns, int... rtnlGroups) throws NetlinkException {
        return subscribeWithQueue(ns, WANTED_RCVBUF, rtnlGroups);
    }

    /**
     * As {@link #subscribe(Netns, int...)} with a receive queue of about {@code receiveBufferBytes} (the kernel
     * doubles it and caps it at net.core.rmem_max unless SO_RCVBUFFORCE is allowed).
     */
    public static EventSocket subscribeWithQueue(Netns ns, int receiveBufferBytes, int... rtnlGroups)
            throws NetlinkException {
        if (rtnlGroups.length == 0) {
            throw new IllegalArgumentException("subscribe to at least one group");
        }
        NetlinkFd fd = NetlinkFd.open(Netlink.NETLINK_ROUTE, ns);
        try {
            fd.receiveBuffer(receiveBufferBytes);
            for (int group : rtnlGroups) {
                fd.setInt(Netlink.SOL_NETLINK, Netlink.NETLINK_ADD_MEMBERSHIP, group,
                        "NETLINK_ADD_MEMBERSHIP " + group);
            }
            int wake = Native.libc().eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
            if (wake < 0) {
                throw fd.call("eventfd", Native.errno());
            }
            return new EventSocket(fd, wake);
        } catch (NetlinkException | RuntimeException e) {
            fd.close();
            throw e;
        }
    }

    /**
     * Waits up to {@code timeout} for notifications, then returns all that are queued (possibly none). Messages
     * own their bytes.
     *
     * @throws EventsLostException the queue overflowed and events were dropped: re-dump
     */
    public synchronized List<NlMessage> poll(Duration timeout) throws NetlinkException, EventsLostException {
        List<NlMessage> out = new ArrayList<>();
        if (closing.get() || !fd.awaitReadable(timeout, wakeFd)) {
            return out;
        }
        while (true) {
            long n = fd.receive(receiveBuffer, Native.MSG_DONTWAIT);
            if (n < 0) {
                int errno = (int) -n;
                if (errno == Errno.EAGAIN) {
                    return out;
                }
                if (errno == Errno.ENOBUFS) {
                    throw new EventsLostException(fd.describe());
                }
                throw fd.call("recvfrom", errno);
            }
            if (n > receiveBuffer.capacity()) {
                // A notification we could not read whole is a lost event too.
                throw new EventsLostException(fd.describe());
            }
            if (fd.lastSenderPort() != 0) {
                continue; // only the kernel sends notifications
            }
            byte[] data = new byte[(int) n];
            receiveBuffer.get(0, data);
            try {
                out.addAll(NlMessage.parseAll(data, 0, data.length));
            } catch (MalformedMessageException e) {
                throw new NetlinkException(fd.describe(), 71, "malformed notification: " + e.getMessage(), null,
                        null);
            }
        }
    }

    /** Wakes a {@link #poll} under way (it returns what it has), then closes the socket once that poll is done. */
    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        ByteBuffer one = ByteBuffer.allocateDirect(8).order(ByteOrder.nativeOrder());
        one.putLong(0, 1);
        Native.libc().write(wakeFd, one, 8);
        synchronized (this) {
            fd.close();
            Native.libc().close(wakeFd);
        }
    }

    @Override
    public String toString() {
        return "events on " + fd.describe();
    }
}
