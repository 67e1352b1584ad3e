package io.vlinkd.netlink.route;

import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * {@code struct br_mdb_entry} (28 bytes): the port's ifindex, state (MDB_PERMANENT 1, MDB_TEMPORARY 0), flags, VLAN,
 * the group (a 16-byte union: IPv4 in its first 4 bytes) and its protocol (ETH_P_IP or ETH_P_IPV6, big-endian).
 */
public record MdbEntry(int port, int state, int flags, int vlan, InetAddress group) {
    public static final int LENGTH = 28;
    public static final int PERMANENT = 1;
    private static final int ETH_P_IP = 0x0800;
    private static final int ETH_P_IPV6 = 0x86dd;

    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(LENGTH).order(ByteOrder.nativeOrder());
        b.putInt(port).put((byte) state).put((byte) flags).putShort((short) vlan);
        byte[] a = group.getAddress();
        b.put(Arrays.copyOf(a, 16));
        b.order(ByteOrder.BIG_ENDIAN).putShort((short) (group instanceof Inet4Address ? ETH_P_IP : ETH_P_IPV6));
        return b.array();
    }

    /** The entry in {@code bytes}; a MAC group (proto 0, kernel 5.11+) is not an IP group: null. */
    public static MdbEntry read(byte[] bytes) throws MalformedMessageException {
        if (bytes.length < 26) {
            throw new MalformedMessageException("br_mdb_entry of " + bytes.length + " bytes");
        }
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        int port = b.getInt(0);
        int state = b.get(4) & 0xff;
        int flags = b.get(5) & 0xff;
        int vlan = b.getShort(6) & 0xffff;
        int proto = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).getShort(24) & 0xffff;
        try {
            if (proto == ETH_P_IP) {
                return new MdbEntry(port, state, flags, vlan, InetAddress.getByAddress(Arrays.copyOfRange(bytes, 8,
                        12)));
            }
            if (proto == ETH_P_IPV6) {
                return new MdbEntry(port, state, flags, vlan, InetAddress.getByAddress(Arrays.copyOfRange(bytes, 8,
                        24)));
            }
            return null;
        } catch (UnknownHostException e) {
            throw new MalformedMessageException("br_mdb_entry group: " + e.getMessage());
        }
    }

    void writeTo(MessageWriter w) {
        w.putBytes(Mdba.MDBA_SET_ENTRY, bytes());
    }
}
