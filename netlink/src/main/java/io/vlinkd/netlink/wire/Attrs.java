package io.vlinkd.netlink.wire;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A parsed attribute list (one level; nested lists are parsed on demand). Lookups take the attribute constant, so the
 * wire type drives decoding. Every malformed input surfaces as {@link MalformedMessageException}, nothing else.
 */
public final class Attrs {
    private static final boolean LITTLE = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;
    private static final Attrs EMPTY = new Attrs(List.of(), -1);
    /** Attribute numbers up to this are looked up through an index; the kernel's spaces stay well below it. */
    private static final int INDEXED_TYPES = 256;

    private final List<RawAttr> attrs;
    /** The last attribute of each number below {@link #INDEXED_TYPES}: decoding a link looks up ~40 of ~60. */
    private final RawAttr[] lastByType;

    /** {@code maxType}: the largest attribute number in {@code attrs}, -1 when empty (sizes the index). */
    private Attrs(List<RawAttr> attrs, int maxType) {
        this.attrs = attrs;
        lastByType = new RawAttr[Math.min(maxType, INDEXED_TYPES - 1) + 1];
        for (int i = 0, n = attrs.size(); i < n; i++) {
            RawAttr r = attrs.get(i);
            if (r.type() < lastByType.length) {
                lastByType[r.type()] = r;
            }
        }
    }

    public static Attrs empty() {
        return EMPTY;
    }

    /** Parses the attributes in {@code buf[offset, offset+length)}. */
    public static Attrs parse(byte[] buf, int offset, int length) throws MalformedMessageException {
        if (offset < 0 || length < 0 || offset > buf.length - length) { // no int overflow
            throw new MalformedMessageException("attribute area [" + offset + "+" + length + "] outside a buffer of "
                    + buf.length);
        }
        // Presized for attributes of ~16 bytes (a link message's ~60 attributes in ~1,900 bytes): no regrowth.
        List<RawAttr> list = new ArrayList<>(Math.max(4, length / 16));
        int maxType = -1;
        int pos = offset;
        int end = offset + length;
        while (end - pos >= Netlink.NLA_HDRLEN) {
            int len = u16(buf, pos);
            int rawType = u16(buf, pos + 2);
            if (len < Netlink.NLA_HDRLEN || len > end - pos) {
                throw new MalformedMessageException("attribute " + (rawType & Netlink.NLA_TYPE_MASK) + " at offset "
                        + (pos - offset) + " has length " + len + " but " + (end - pos) + " bytes remain");
            }
            int type = rawType & Netlink.NLA_TYPE_MASK;
            maxType = Math.max(maxType, type);
            list.add(new RawAttr(type, (rawType & Netlink.NLA_F_NESTED) != 0, buf, pos + Netlink.NLA_HDRLEN,
                    len - Netlink.NLA_HDRLEN));
            pos += Netlink.align(len);
        }
        // Fewer than 4 trailing bytes can only be alignment padding of the last attribute.
        return new Attrs(Collections.unmodifiableList(list), maxType);
    }

    public List<RawAttr> all() {
        return attrs;
    }

    public boolean isEmpty() {
        return attrs.isEmpty();
    }

    /** The attributes whose numbers {@code space} does not know: kept and reported, never fatal. */
    public List<RawAttr> unknown(AttrSpace space) {
        List<RawAttr> out = new ArrayList<>();
        for (RawAttr r : attrs) {
            if (space.get(r.type()) == null) {
                out.add(r);
            }
        }
        return out;
    }

    /** The last attribute with this number (the kernel's own rule when one repeats), or empty. */
    public Optional<RawAttr> raw(Attr a) {
        if (a.type() < INDEXED_TYPES) {
            return a.type() < lastByType.length ? Optional.ofNullable(lastByType[a.type()]) : Optional.empty();
        }
        RawAttr found = null;
        for (RawAttr r : attrs) {
            if (r.type() == a.type()) {
                found = r;
            }
        }
        return Optional.ofNullable(found);
    }

    public boolean has(Attr a) {
        return raw(a).isPresent();
    }

    public Optional<Long> integer(Attr a) throws MalformedMessageException {
        Optional<RawAttr> r = raw(a);
        return r.isEmpty() ? Optional.empty() : Optional.of(readInteger(a, r.get()));
    }

    /** An integer attribute's value, or {@code absent} when the attribute is missing. */
    public long integer(Attr a, long absent) throws MalformedMessageException {
        Optional<RawAttr> r = raw(a);
        return r.isEmpty() ? absent : readInteger(a, r.get());
    }

    /** Presence of a FLAG attribute; a u8 boolean is read with {@link #integer}. */
    public boolean flag(Attr a) {
        return has(a);
    }

    public Optional<String> string(Attr a) {
        return raw(a).map(Attrs::readString);
    }

    public Optional<byte[]> bytes(Attr a) {
        return raw(a).map(RawAttr::payload);
    }

    public Optional<MacAddress> mac(Attr a) throws MalformedMessageException {
        Optional<RawAttr> r = raw(a);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        if (r.get().length() != 6) {
            throw new MalformedMessageException(a.name() + ": a MAC address needs 6 bytes, got " + r.get().length());
        }
        return Optional.of(MacAddress.of(r.get().payload()));
    }

    public Optional<InetAddress> address(Attr a) throws MalformedMessageException {
        Optional<RawAttr> r = raw(a);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        int n = r.get().length();
        if (n != 4 && n != 16) {
            throw new MalformedMessageException(a.name() + ": an address needs 4 or 16 bytes, got " + n);
        }
        try {
            return Optional.of(InetAddress.getByAddress(r.get().payload()));
        } catch (UnknownHostException e) {
            throw new MalformedMessageException(a.name() + ": " + e.getMessage());
        }
    }

    public Optional<Attrs> nested(Attr a) throws MalformedMessageException {
        Optional<RawAttr> r = raw(a);
        if (r.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parse(r.get().buf(), r.get().offset(), r.get().length()));
    }

    /** Parses a raw attribute's payload as a nested list. */
    public static Attrs nested(RawAttr r) throws MalformedMessageException {
        return parse(r.buf(), r.offset(), r.length());
    }

    /** Reads an integer by the attribute's wire type; lenient on width because the kernel dumps some in another. */
    public static long readInteger(Attr a, RawAttr r) throws MalformedMessageException {
        boolean be = a.wire() == AttrType.BE16 || a.wire() == AttrType.BE32;
        long v = readUnsigned(r.buf(), r.offset(), r.length(), be, a.name());
        if (a.wire() == AttrType.S32 && r.length() == 4) {
            v = (int) v;
        }
        return v;
    }

    private static long readUnsigned(byte[] b, int off, int len, boolean bigEndian, String name)
            throws MalformedMessageException {
        if (len != 1 && len != 2 && len != 4 && len != 8) {
            throw new MalformedMessageException(name + ": an integer needs 1, 2, 4 or 8 bytes, got " + len);
        }
        long v = 0;
        if (bigEndian || !LITTLE) {
            for (int i = 0; i < len; i++) {
                v = (v << 8) | (b[off + i] & 0xff);
            }
        } else {
            for (int i = len - 1; i >= 0; i--) {
                v = (v << 8) | (b[off + i] & 0xff);
            }
        }
        return v;
    }

    private static String readString(RawAttr r) {
        int end = r.offset();
        int limit = r.offset() + r.length();
        while (end < limit && r.buf()[end] != 0) {
            end++;
        }
        return new String(r.buf(), r.offset(), end - r.offset(), StandardCharsets.UTF_8);
    }

    static int u16(byte[] b, int at) {
        return LITTLE ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 : (b[at] & 0xff) << 8 | (b[at + 1] & 0xff);
    }

    static int u32(byte[] b, int at) {
        return LITTLE
                ? (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24
                : (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    static long u64(byte[] b, int at) {
        long lo = u32(b, at) & 0xffffffffL;
        long hi = u32(b, at + 4) & 0xffffffffL;
        return LITTLE ? hi << 32 | lo : lo << 32 | hi;
    }
}
