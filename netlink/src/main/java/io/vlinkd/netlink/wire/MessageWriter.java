package io.vlinkd.netlink.wire;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Builds one netlink message: the nlmsghdr, a fixed family header written by the caller (ifinfomsg, rtmsg...), then
 * type-checked attributes, nested with try-with-resources so that a nest can never be left open.
 *
 * <pre>{@code
 * MessageWriter w = MessageWriter.request(Rtnl.RTM_NEWLINK, NLM_F_CREATE | NLM_F_EXCL | NLM_F_ACK);
 * new IfInfoMsg(...).writeTo(w);
 * w.putString(Ifla.IFLA_IFNAME, "vx0");
 * try (var info = w.nest(Ifla.IFLA_LINKINFO)) { ... }
 * NlRequest r = w.finish("RTM_NEWLINK vx0 (vxlan)");
 * }</pre>
 *
 * Host byte order is used for integers except the BE types, as the kernel expects. Not thread-safe.
 */
public final class MessageWriter {
    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private byte[] buf;
    private int pos;
    private final Deque<OpenNest> nests = new ArrayDeque<>();
    private final List<AttrLocation> locations = new ArrayList<>();
    private boolean finished;

    private record OpenNest(int start, String path) {
    }

    /** A nest being written; closing it fixes its length. */
    public final class Nest implements AutoCloseable {
        private final int start;
        private boolean closed;

        private Nest(int start) {
            this.start = start;
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            OpenNest top = nests.pop();
            if (top.start != start) {
                throw new IllegalStateException("nests closed out of order");
            }
            if (pos - start > 0xffff) {
                // nla_len is a u16: a longer nest would be written with a wrapped length the kernel misreads.
                throw new IllegalStateException(top.path + ": nested attribute too long: " + (pos - start));
            }
            put16At(start, pos - start);
            locations.add(new AttrLocation(start, pos - start, top.path));
        }
    }

    private MessageWriter(int type, int flags) {
        buf = new byte[256];
        put32(0); // length, fixed in finish()
        put16(type);
        put16(flags);
        put32(0); // sequence number: assigned by the socket
        put32(0); // port id 0: the kernel picks ours
    }

    /** Starts a request; {@code NLM_F_REQUEST} is added to {@code flags}. */
    public static MessageWriter request(int type, int flags) {
        return new MessageWriter(type, flags | Netlink.NLM_F_REQUEST);
    }

    // ---- fixed headers (ifinfomsg, ifaddrmsg, rtmsg, genlmsghdr) -----------------------------------------------

    public MessageWriter u8(int v) {
        ensure(1);
        buf[pos++] = (byte) v;
        return this;
    }

    public MessageWriter u16(int v) {
        put16(v);
        return this;
    }

    public MessageWriter u32(int v) {
        put32(v);
        return this;
    }

    public MessageWriter zeros(int n) {
        ensure(n);
        pos += n;
        return this;
    }

    // ---- attributes -----------------------------------------------------------------------------------------

    /** Writes an integer attribute of any integer wire type; the value must fit that type. */
    public MessageWriter putInt(Attr a, long value) {
        int start = header(a, a.wire().fixedLength(), "integer");
        switch (a.wire()) {
            case U8 -> {
                checkRange(a, value, 0, 0xff);
                buf[pos++] = (byte) value;
            }
            case U16 -> {
                checkRange(a, value, 0, 0xffff);
                put16((int) value);
            }
            case BE16 -> {
                checkRange(a, value, 0, 0xffff);
                buf[pos++] = (byte) (value >>> 8);
                buf[pos++] = (byte) value;
            }
            case U32 -> {
                checkRange(a, value, 0, 0xffffffffL);
                put32((int) value);
            }
            case S32 -> {
                checkRange(a, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
                put32((int) value);
            }
            case BE32 -> {
                checkRange(a, value, 0, 0xffffffffL);
                buf[pos++] = (byte) (value >>> 24);
                buf[pos++] = (byte) (value >>> 16);
                buf[pos++] = (byte) (value >>> 8);
                buf[pos++] = (byte) value;
            }
            case U64 -> put64(value);
            default -> throw wrongType(a, "integer");
        }
        return endAttr(a, start);
    }

    public MessageWriter putString(Attr a, String value) {
        if (a.wire() != AttrType.STRING && a.wire() != AttrType.UNTERMINATED_STRING) {
            throw wrongType(a, "string");
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        boolean nul = a.wire() == AttrType.STRING;
        int start = header(a, bytes.length + (nul ? 1 : 0), "string");
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
        if (nul) {
            buf[pos++] = 0;
        }
        return endAttr(a, start);
    }

    public MessageWriter putFlag(Attr a) {
        if (a.wire() != AttrType.FLAG) {
            throw wrongType(a, "flag");
        }
        return endAttr(a, header(a, 0, "flag"));
    }

    public MessageWriter putMac(Attr a, MacAddress mac) {
        if (a.wire() != AttrType.MAC && a.wire() != AttrType.BINARY) {
            throw wrongType(a, "MAC address");
        }
        return putRaw(a, mac.bytes());
    }

    /** Writes an address; IN_ADDR takes only IPv4, IN6_ADDR only IPv6, IP_ADDR either. */
    public MessageWriter putAddress(Attr a, InetAddress address) {
        boolean ok = switch (a.wire()) {
            case IN_ADDR -> address instanceof Inet4Address;
            case IN6_ADDR -> address instanceof Inet6Address;
            case IP_ADDR, BINARY -> true;
            default -> false;
        };
        if (!ok) {
            throw wrongType(a, address instanceof Inet4Address ? "IPv4 address" : "IPv6 address");
        }
        return putRaw(a, address.getAddress());
    }

    /** Writes opaque bytes; for fixed-length wire types the length must match. */
    public MessageWriter putBytes(Attr a, byte[] payload) {
        if (a.wire() == AttrType.NESTED || a.wire() == AttrType.FLAG || a.wire() == AttrType.STRING) {
            throw wrongType(a, "bytes");
        }
        return putRaw(a, payload);
    }

    private MessageWriter putRaw(Attr a, byte[] payload) {
        int fixed = a.wire().fixedLength();
        if (fixed >= 0 && fixed != payload.length) {
            throw new IllegalArgumentException(a.name() + " takes " + fixed + " bytes, not " + payload.length);
        }
        int start = header(a, payload.length, "bytes");
        System.arraycopy(payload, 0, buf, pos, payload.length);
        pos += payload.length;
        return endAttr(a, start);
    }

    /** Opens a nested attribute; close it (try-with-resources) to fix its length. */
    public Nest nest(Attr a) {
        if (a.wire() != AttrType.NESTED) {
            throw wrongType(a, "nest");
        }
        align();
        int start = pos;
        ensure(Netlink.NLA_HDRLEN);
        put16(0);
        put16(a.type());
        nests.push(new OpenNest(start, pathOf(a)));
        return new Nest(start);
    }

    /** Opens a nest with the NLA_F_NESTED bit set, as generic netlink families with strict policies want. */
    public Nest nestFlagged(Attr a) {
        Nest n = nest(a);
        put16At(n.start + 2, a.type() | Netlink.NLA_F_NESTED);
        return n;
    }

    /** Finishes the message: fixes nlmsg_len and returns the request. */
    public NlRequest finish(String summary) {
        if (!nests.isEmpty()) {
            throw new IllegalStateException("unclosed nest " + nests.peek().path);
        }
        if (finished) {
            throw new IllegalStateException("already finished");
        }
        finished = true;
        align();
        put32At(0, pos);
        return new NlRequest(Arrays.copyOf(buf, pos), summary, List.copyOf(locations));
    }

    // ---- internals ------------------------------------------------------------------------------------------

    private String pathOf(Attr a) {
        return nests.isEmpty() ? a.name() : nests.peek().path + "/" + a.name();
    }

    private int header(Attr a, int payloadLength, String what) {
        if (payloadLength < 0) {
            throw wrongType(a, what);
        }
        align();
        int start = pos;
        int len = Netlink.NLA_HDRLEN + payloadLength;
        if (len > 0xffff) {
            throw new IllegalArgumentException(a.name() + ": attribute too long: " + len);
        }
        ensure(Netlink.align(len));
        put16(len);
        put16(a.type());
        return start;
    }

    private MessageWriter endAttr(Attr a, int start) {
        locations.add(new AttrLocation(start, pos - start, pathOf(a)));
        align();
        return this;
    }

    private static void checkRange(Attr a, long v, long min, long max) {
        if (v < min || v > max) {
            throw new IllegalArgumentException(a.name() + " (" + a.wire() + ") cannot hold " + v);
        }
    }

    private static IllegalArgumentException wrongType(Attr a, String what) {
        return new IllegalArgumentException(a.name() + " is " + a.wire() + ", cannot write a " + what + " into it");
    }

    private void align() {
        int aligned = Netlink.align(pos);
        ensure(aligned - pos);
        pos = aligned; // the array is zero-filled, so padding is zero
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }

    private void put16(int v) {
        ensure(2);
        put16At(pos, v);
        pos += 2;
    }

    private void put32(int v) {
        ensure(4);
        put32At(pos, v);
        pos += 4;
    }

    private void put64(long v) {
        ensure(8);
        if (LITTLE) {
            put32At(pos, (int) v);
            put32At(pos + 4, (int) (v >>> 32));
        } else {
            put32At(pos, (int) (v >>> 32));
            put32At(pos + 4, (int) v);
        }
        pos += 8;
    }

    private void put16At(int at, int v) {
        if (LITTLE) {
            buf[at] = (byte) v;
            buf[at + 1] = (byte) (v >>> 8);
        } else {
            buf[at] = (byte) (v >>> 8);
            buf[at + 1] = (byte) v;
        }
    }

    private void put32At(int at, int v) {
        if (LITTLE) {
            buf[at] = (byte) v;
            buf[at + 1] = (byte) (v >>> 8);
            buf[at + 2] = (byte) (v >>> 16);
            buf[at + 3] = (byte) (v >>> 24);
        } else {
            buf[at] = (byte) (v >>> 24);
            buf[at + 1] = (byte) (v >>> 16);
            buf[at + 2] = (byte) (v >>> 8);
            buf[at + 3] = (byte) v;
        }
    }
}
