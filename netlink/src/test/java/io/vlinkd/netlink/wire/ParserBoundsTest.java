package io.vlinkd.netlink.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Edge cases of the parser's bounds checks, each a MalformedMessageException and never anything else. */
class ParserBoundsTest {

    @Test
    void anAreaWhoseEndOverflowsAnIntIsMalformed() {
        byte[] b = new byte[64];
        assertThatThrownBy(() -> Attrs.parse(b, 8, Integer.MAX_VALUE)).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> NlMessage.parseAll(b, 8, Integer.MAX_VALUE))
                .isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> Attrs.parse(b, -1, 4)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void anAttributeLongerThanItsAreaIsMalformed() {
        byte[] b = HexFormat.of().parseHex("0900030062723000"); // nla_len 9 but 8 bytes
        assertThatThrownBy(() -> Attrs.parse(b, 0, b.length)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("length 9");
    }

    @Test
    void anAttributeShorterThanItsHeaderIsMalformed() {
        byte[] b = HexFormat.of().parseHex("0200030000000000");
        assertThatThrownBy(() -> Attrs.parse(b, 0, b.length)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void trailingPaddingShorterThanAHeaderIsAccepted() throws Exception {
        byte[] b = HexFormat.of().parseHex("050001000700" + "0000");
        Attrs a = Attrs.parse(b, 0, 7);
        assertThat(a.all()).hasSize(1);
        assertThat(a.integer(Attr.of("X", 1, AttrType.U8), -1)).isEqualTo(7);
    }

    @Test
    void aMessageLengthBeyondTheDatagramIsMalformed() {
        byte[] b = new byte[20];
        b[0] = 32; // nlmsg_len 32 in a 20-byte datagram
        assertThatThrownBy(() -> NlMessage.parseAll(b, 0, b.length)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("nlmsg_len 32");
    }

    @Test
    void trailingBytesAfterTheLastMessageAreMalformed() {
        byte[] b = new byte[16 + 8];
        b[0] = 16;
        assertThatThrownBy(() -> NlMessage.parseAll(b, 0, b.length)).isInstanceOf(MalformedMessageException.class)
                .hasMessageContaining("trailing");
    }

    @Test
    void payloadReadsOutsideTheMessageAreMalformed() throws Exception {
        byte[] b = new byte[20];
        b[0] = 20;
        NlMessage m = NlMessage.parseOne(b);
        assertThat(m.u32(0)).isZero();
        assertThatThrownBy(() -> m.u32(1)).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> m.u8(-1)).isInstanceOf(MalformedMessageException.class);
        assertThatThrownBy(() -> m.attributesAfter(16)).isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void unknownAttributesAreKeptNotFatal() throws Exception {
        byte[] b = HexFormat.of().parseHex("08000300627230000800ff3f01000000");
        Attrs a = Attrs.parse(b, 0, b.length);
        AttrSpace space = AttrSpace.of("T", Attr.of("T_NAME", 3, AttrType.STRING));
        assertThat(a.unknown(space)).hasSize(1);
        assertThat(a.unknown(space).get(0).type()).isEqualTo(0x3fff);
        assertThat(space.nameOf(0x3fff)).isEqualTo("T_16383");
    }

    @Test
    void theLastOfARepeatedAttributeWins() throws Exception {
        byte[] b = HexFormat.of().parseHex("05000100010000000500010002000000");
        Attrs a = Attrs.parse(b, 0, b.length);
        assertThat(a.all()).hasSize(2);
        assertThat(a.integer(Attr.of("X", 1, AttrType.U8), -1)).isEqualTo(2);
    }
}
