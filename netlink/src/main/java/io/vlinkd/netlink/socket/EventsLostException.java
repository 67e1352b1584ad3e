package io.vlinkd.netlink.socket;

import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;

/**
 * The event socket's receive queue overflowed ({@code ENOBUFS}): the kernel dropped notifications, so any state
 * built from events is stale. The only remedy is to dump everything again; the socket itself stays usable.
 */
public final class EventsLostException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    public EventsLostException(String socket) {
        super(socket, Errno.ENOBUFS, "lost events, re-dump", null, null);
    }
}
