package io.vlinkd.netlink.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Writer → parser round trips for every wire type and for nesting, and the writer's type checks. */
class MessageWriterTest {
    private static final Attr A_U8 = Attr.of("T_U8", 1, AttrType.U8);
    private static final Attr A_U16 = Attr.of("T_U16", 2, AttrType.U16);
    private static final Attr A_U32 = Attr.of("T_U32", 3, AttrType.U32);
    private static final Attr A_U64 = Attr.of("T_U64", 4, AttrType.U64);
    private static final Attr A_S32 = Attr.of("T_S32", 5, AttrType.S32);
    private static final Attr A_BE16 = Attr.of("T_BE16", 6, AttrType.BE16);
    private static final Attr A_BE32 = Attr.of("T_BE32", 7, AttrType.BE32);
    private static final Attr A_STRING = Attr.of("T_STRING", 8, AttrType.STRING);
    private static final Attr A_USTRING = Attr.of("T_USTRING", 9, AttrType.UNTERMINATED_STRING);
    private static final Attr A_BINARY = Attr.of("T_BINARY", 10, AttrType.BINARY);
    private static final Attr A_FLAG = Attr.of("T_FLAG", 11, AttrType.FLAG);
    private static final Attr A_MAC = Attr.of("T_MAC", 12, AttrType.MAC);
    private static final Attr A_IN = Attr.of("T_IN", 13, AttrType.IN_ADDR);
    private static final Attr A_IN6 = Attr.of("T_IN6", 14, AttrType.IN6_ADDR);
    private static final Attr A_IP = Attr.of("T_IP", 15, AttrType.IP_ADDR);
    private static final Attr A_NEST = Attr.of("T_NEST", 16, AttrType.NESTED);
    private static final Attr A_INNER = Attr.of("T_INNER", 1, AttrType.NESTED);
    private static final Attr A_LEAF = Attr.of("T_LEAF", 2, AttrType.U32);

    private static Attrs attrsOf(NlRequest r) throws MalformedMessageException {
        NlMessage m = NlMessage.parseOne(r.bytes());
        return m.attributesAfter(4);
    }

    private static MessageWriter writer() {
        return MessageWriter.request(16, Netlink.NLM_F_ACK).u32(0x11223344);
    }

    @Test
    void everyIntegerTypeRoundTripsAtItsLimits() throws Exception {
        NlRequest r = writer().putInt(A_U8, 0xff).putInt(A_U16, 0xffff).putInt(A_U32, 0xffffffffL)
                .putInt(A_U64, -1L).putInt(A_S32, -5).putInt(A_BE16, 4789).putInt(A_BE32, 0x01020304L)
                .finish("t");
        Attrs a = attrsOf(r);
        assertThat(a.integer(A_U8, 0)).isEqualTo(0xff);
        assertThat(a.integer(A_U16, 0)).isEqualTo(0xffff);
        assertThat(a.integer(A_U32, 0)).isEqualTo(0xffffffffL);
        assertThat(a.integer(A_U64, 0)).isEqualTo(-1L);
        assertThat(a.integer(A_S32, 0)).isEqualTo(-5);
        assertThat(a.integer(A_BE16, 0)).isEqualTo(4789);
        assertThat(a.integer(A_BE32, 0)).isEqualTo(0x01020304L);
        // Network byte order on the wire: 4789 = 0x12b5 is written 12 b5.
        byte[] port = a.bytes(A_BE16).orElseThrow();
        assertThat(port).containsExactly(0x12, 0xb5);
    }

    @Test
    void stringsBytesFlagsAndAddressesRoundTrip() throws Exception {
        NlRequest r = writer().putString(A_STRING, "vx0").putString(A_USTRING, "vxlan")
                .putBytes(A_BINARY, new byte[] {1, 2, 3}).putFlag(A_FLAG)
                .putMac(A_MAC, MacAddress.parse("02:00:00:00:00:01"))
                .putAddress(A_IN, InetAddress.getByName("192.0.2.1"))
                .putAddress(A_IN6, InetAddress.getByName("2001:db8::1"))
                .putAddress(A_IP, InetAddress.getByName("198.51.100.7")).finish("t");
        Attrs a = attrsOf(r);
        assertThat(a.string(A_STRING)).contains("vx0");
        assertThat(a.raw(A_STRING).orElseThrow().length()).isEqualTo(4); // with its NUL
        assertThat(a.string(A_USTRING)).contains("vxlan");
        assertThat(a.raw(A_USTRING).orElseThrow().length()).isEqualTo(5); // without: as iproute2 sends the kind
        assertThat(a.bytes(A_BINARY).orElseThrow()).containsExactly(1, 2, 3);
        assertThat(a.flag(A_FLAG)).isTrue();
        assertThat(a.raw(A_FLAG).orElseThrow().length()).isZero();
        assertThat(a.mac(A_MAC)).contains(MacAddress.parse("02:00:00:00:00:01"));
        assertThat(a.address(A_IN)).contains(InetAddress.getByName("192.0.2.1"));
        assertThat(a.address(A_IN6)).contains(InetAddress.getByName("2001:db8::1"));
        assertThat(a.address(A_IP)).contains(InetAddress.getByName("198.51.100.7"));
        assertThat(a.has(Attr.of("T_ABSENT", 99, AttrType.U32))).isFalse();
    }

    @Test
    void attributesArePaddedWithZerosToFourBytes() {
        NlRequest r = writer().putString(A_STRING, "ab").putInt(A_U8, 7).finish("t");
        byte[] b = r.bytes();
        // header 16 + family 4, then T_STRING: len 7 ("ab\0"), 1 zero byte of padding, then T_U8 (len 5) + 3 zeros.
        assertThat(b.length).isEqualTo(16 + 4 + 8 + 8);
        assertThat(b[16 + 4 + 7]).isZero();
        assertThat(new byte[] {b[33], b[34], b[35]}).containsOnly(0);
        assertThat(b.length % 4).isZero();
        assertThat(Attrs.u32(b, 0)).isEqualTo(b.length);
    }

    @Test
    void nestsRoundTripThreeLevelsDeepAndRecordTheirPaths() throws Exception {
        MessageWriter w = writer();
        try (var outer = w.nest(A_NEST)) {
            w.putInt(A_U32, 1);
            try (var inner = w.nest(A_INNER)) {
                w.putInt(A_LEAF, 42);
                try (var deepest = w.nest(A_INNER)) {
                    w.putInt(A_LEAF, 43);
                }
            }
        }
        w.putInt(A_U8, 9);
        NlRequest r = w.finish("t");
        Attrs top = attrsOf(r);
        Attrs outer = top.nested(A_NEST).orElseThrow();
        assertThat(outer.integer(A_U32, 0)).isEqualTo(1);
        Attrs inner = outer.nested(A_INNER).orElseThrow();
        assertThat(inner.integer(A_LEAF, 0)).isEqualTo(42);
        assertThat(inner.nested(A_INNER).orElseThrow().integer(A_LEAF, 0)).isEqualTo(43);
        assertThat(top.integer(A_U8, 0)).isEqualTo(9);
        assertThat(r.locations()).extracting(AttrLocation::path).contains("T_NEST", "T_NEST/T_U32",
                "T_NEST/T_INNER", "T_NEST/T_INNER/T_LEAF", "T_NEST/T_INNER/T_INNER/T_LEAF", "T_U8");
        int leafOffset = top.nested(A_NEST).orElseThrow().nested(A_INNER).orElseThrow().raw(A_LEAF).orElseThrow()
                .offset() - Netlink.NLA_HDRLEN;
        assertThat(r.attributePathAt(leafOffset)).isEqualTo("T_NEST/T_INNER/T_LEAF");
        assertThat(r.attributePathAt(leafOffset + 5)).isEqualTo("T_NEST/T_INNER/T_LEAF");
        assertThat(r.attributePathAt(3)).isNull(); // inside the nlmsghdr
    }

    @Test
    void aFlaggedNestCarriesNlaFNestedAndParsesTheSame() throws Exception {
        MessageWriter w = writer();
        try (var n = w.nestFlagged(A_NEST)) {
            w.putInt(A_U32, 5);
        }
        Attrs top = attrsOf(w.finish("t"));
        RawAttr raw = top.raw(A_NEST).orElseThrow();
        assertThat(raw.nestedBit()).isTrue();
        assertThat(raw.type()).isEqualTo(A_NEST.type());
        assertThat(Attrs.nested(raw).integer(A_U32, 0)).isEqualTo(5);
    }

    @Test
    void headerFieldsAreWrittenAndSeqIsLeftToTheSocket() throws Exception {
        NlRequest r = MessageWriter.request(16, Netlink.NLM_F_CREATE).u32(0).finish("RTM_NEWLINK x");
        NlMessage m = NlMessage.parseOne(r.bytes());
        assertThat(m.type()).isEqualTo(16);
        assertThat(m.flags()).isEqualTo(Netlink.NLM_F_CREATE | Netlink.NLM_F_REQUEST);
        assertThat(m.seq()).isZero();
        assertThat(m.portId()).isZero();
        assertThat(r.type()).isEqualTo(16);
        assertThat(r.flags()).isEqualTo(m.flags());
        assertThat(r.summary()).isEqualTo("RTM_NEWLINK x");
    }

    @Test
    void writingAU32IntoABe16AttributeFails() {
        assertThatThrownBy(() -> writer().putInt(A_BE16, 70000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("T_BE16");
    }

    @Test
    void everyMismatchOfValueAndWireTypeIsRefused() throws Exception {
        List<Runnable> wrong = List.of(
                () -> writer().putInt(A_U8, 256),
                () -> writer().putInt(A_U8, -1),
                () -> writer().putInt(A_U16, 0x10000),
                () -> writer().putInt(A_U32, 1L << 32),
                () -> writer().putInt(A_S32, 1L << 31),
                () -> writer().putInt(A_BE32, -1),
                () -> writer().putInt(A_STRING, 1),
                () -> writer().putInt(A_NEST, 1),
                () -> writer().putString(A_U32, "x"),
                () -> writer().putString(A_BINARY, "x"),
                () -> writer().putFlag(A_U8),
                () -> writer().putMac(A_U32, MacAddress.parse("02:00:00:00:00:01")),
                () -> writer().putAddress(A_IN, InetAddress.getByName("2001:db8::1")),
                () -> writer().putAddress(A_IN6, InetAddress.getByName("192.0.2.1")),
                () -> writer().putAddress(A_U32, InetAddress.getByName("192.0.2.1")),
                () -> writer().putBytes(A_MAC, new byte[5]),
                () -> writer().putBytes(A_U32, new byte[2]),
                () -> writer().putBytes(A_NEST, new byte[4]),
                () -> writer().putBytes(A_FLAG, new byte[0]),
                () -> writer().nest(A_U32));
        for (int i = 0; i < wrong.size(); i++) {
            assertThatThrownBy(wrong.get(i)::run).as("case %d", i).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void anUnclosedNestOrASecondFinishIsRefused() {
        MessageWriter w = writer();
        w.nest(A_NEST);
        assertThatThrownBy(() -> w.finish("t")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("T_NEST");
        MessageWriter done = writer();
        done.finish("t");
        assertThatThrownBy(() -> done.finish("t")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTooLongAttributeIsRefused() {
        assertThatThrownBy(() -> writer().putBytes(A_BINARY, new byte[70000]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too long");
    }

    @Test
    void aNestLongerThanAnAttributeLengthCanSayIsRefused() {
        MessageWriter w = writer();
        var nest = w.nest(A_NEST);
        for (int i = 0; i < 3; i++) {
            w.putBytes(A_BINARY, new byte[30000]);
        }
        assertThatThrownBy(nest::close).isInstanceOf(IllegalStateException.class).hasMessageContaining("T_NEST");
    }

    private interface Runnable {
        void run() throws Exception;
    }
}
