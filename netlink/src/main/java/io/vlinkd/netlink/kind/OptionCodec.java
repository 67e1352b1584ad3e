package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.Optional;

/**
 * The wire form of an option that is not one attribute holding its value as is: a bit set, a nest, an attribute
 * chosen by the address family. Values are the spec's (inside its Optional).
 */
public interface OptionCodec {

    /** Writes {@code value}, which is set. */
    void encode(Object value, EncodeContext ctx, MessageWriter w);

    /** Writes {@code value} in an in-place change; as on create unless the kernel takes less in a change. */
    default void encodeChange(Object value, EncodeContext ctx, MessageWriter w) {
        encode(value, ctx, w);
    }

    /** The value as {@code data} holds it, or empty when it holds none. */
    Optional<?> decode(Attrs data, DecodeContext ctx) throws MalformedMessageException;
}
