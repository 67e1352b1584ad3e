package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.wire.NlMessage;
import java.time.Duration;
import java.util.List;

/**
 * Where drift notifications come from: {@code EventSocket::poll} subscribed to RTNLGRP_LINK, IPV4/IPV6_IFADDR and
 * IPV4/IPV6_ROUTE. Lost events are reported as {@link io.vlinkd.netlink.socket.EventsLostException}.
 */
@FunctionalInterface
public interface DriftEvents {

    /** Notifications received within {@code timeout} (possibly none). */
    List<NlMessage> poll(Duration timeout) throws NetlinkException;
}
