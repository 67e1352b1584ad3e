package io.vlinkd.netlink.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * One received netlink message: the nlmsghdr fields and where its payload lies in the receive buffer.
 * {@link #parseAll} splits a datagram into messages.
 */
public record NlMessage(int length, int type, int flags, int seq, int portId, byte[] buf, int payloadOffset,
                        int payloadLength) {

    /** Splits {@code buf[offset, offset+length)} into messages; fails on any length that does not add up. */
    public static List<NlMessage> parseAll(byte[] buf, int offset, int length) throws MalformedMessageException {
        if (offset < 0 || length < 0 || offset > buf.length - length) { // no int overflow
            throw new MalformedMessageException("message area outside the buffer");
        }
        List<NlMessage> out = new ArrayList<>();
        int pos = offset;
        int end = offset + length;
        while (end - pos >= Netlink.NLMSG_HDRLEN) {
            int len = Attrs.u32(buf, pos);
            if (len < Netlink.NLMSG_HDRLEN || len > end - pos) {
                throw new MalformedMessageException("nlmsg_len " + Integer.toUnsignedString(len) + " at offset "
                        + (pos - offset) + " but " + (end - pos) + " bytes remain");
            }
            out.add(new NlMessage(len, Attrs.u16(buf, pos + 4), Attrs.u16(buf, pos + 6), Attrs.u32(buf, pos + 8),
                    Attrs.u32(buf, pos + 12), buf, pos + Netlink.NLMSG_HDRLEN, len - Netlink.NLMSG_HDRLEN));
            pos += Netlink.align(len);
        }
        if (pos < end && end - pos < Netlink.NLMSG_HDRLEN && pos != end) {
            throw new MalformedMessageException((end - pos) + " trailing bytes after the last message");
        }
        return out;
    }

    /** Parses a single message that must fill the whole area. */
    public static NlMessage parseOne(byte[] buf) throws MalformedMessageException {
        List<NlMessage> all = parseAll(buf, 0, buf.length);
        if (all.size() != 1) {
            throw new MalformedMessageException("expected one message, found " + all.size());
        }
        return all.get(0);
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    /** Reads the family header of {@code headerLength} bytes; the rest of the payload is attributes. */
    public Attrs attributesAfter(int headerLength) throws MalformedMessageException {
        if (payloadLength < headerLength) {
            throw new MalformedMessageException("payload of " + payloadLength + " bytes is shorter than its "
                    + headerLength + "-byte header");
        }
        int start = payloadOffset + Netlink.align(headerLength);
        int remaining = payloadOffset + payloadLength - start;
        return Attrs.parse(buf, start, Math.max(0, remaining));
    }

    /** Payload byte at {@code index} (0-based), bounds-checked. */
    public int u8(int index) throws MalformedMessageException {
        check(index, 1);
        return buf[payloadOffset + index] & 0xff;
    }

    public int u16(int index) throws MalformedMessageException {
        check(index, 2);
        return Attrs.u16(buf, payloadOffset + index);
    }

    public int u32(int index) throws MalformedMessageException {
        check(index, 4);
        return Attrs.u32(buf, payloadOffset + index);
    }

    private void check(int index, int width) throws MalformedMessageException {
        if (index < 0 || index + width > payloadLength) {
            throw new MalformedMessageException("message type " + type + ": payload of " + payloadLength
                    + " bytes has no field at " + index + "+" + width);
        }
    }
}
