package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.RawAttr;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The counters of {@code struct rtnl_link_stats64} that an operator reads first. The struct grows over kernel
 * versions (rx_nohandler in 4.6, rx_otherhost_dropped in 6.0), so only the first ten fields, present since 2.6.35,
 * are required.
 */
public record LinkStats64(long rxPackets, long txPackets, long rxBytes, long txBytes, long rxErrors, long txErrors,
                          long rxDropped, long txDropped, long multicast, long collisions) {

    private static final int REQUIRED_BYTES = 10 * 8;

    public static LinkStats64 read(RawAttr r) throws MalformedMessageException {
        if (r.length() < REQUIRED_BYTES) {
            throw new MalformedMessageException("IFLA_STATS64 has " + r.length() + " bytes, needs at least "
                    + REQUIRED_BYTES);
        }
        ByteBuffer b = ByteBuffer.wrap(r.buf(), r.offset(), r.length()).slice().order(ByteOrder.nativeOrder());
        return new LinkStats64(b.getLong(0), b.getLong(8), b.getLong(16), b.getLong(24), b.getLong(32),
                b.getLong(40), b.getLong(48), b.getLong(56), b.getLong(64), b.getLong(72));
    }
}
