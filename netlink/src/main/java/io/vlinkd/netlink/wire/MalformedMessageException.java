package io.vlinkd.netlink.wire;

/** The only exception the parser throws: the bytes are not a well-formed netlink message. */
public final class MalformedMessageException extends Exception {
    private static final long serialVersionUID = 1L;

    public MalformedMessageException(String message) {
        super(message);
    }
}
