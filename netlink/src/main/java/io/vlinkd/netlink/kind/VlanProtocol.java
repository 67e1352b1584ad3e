package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.Optional;

/**
 * The VLAN tag protocols a vlan link or a VLAN-filtering bridge can use: the config word, the word {@code ip}
 * takes and prints, and the ethertype sent in IFLA_VLAN_PROTOCOL / IFLA_BR_VLAN_PROTOCOL (be16).
 */
public enum VlanProtocol {
    /** IEEE 802.1Q customer tag, ETH_P_8021Q. */
    DOT1Q("802.1q", "802.1Q", 0x8100),
    /** IEEE 802.1ad service tag (QinQ outer tag), ETH_P_8021AD. */
    DOT1AD("802.1ad", "802.1ad", 0x88a8);

    private final String word;
    private final String ipWord;
    private final int ethertype;

    VlanProtocol(String word, String ipWord, int ethertype) {
        this.word = word;
        this.ipWord = ipWord;
        this.ethertype = ethertype;
    }

    /** The config word ({@code 802.1q}). */
    public String word() {
        return word;
    }

    /** As {@code ip} spells it ({@code 802.1Q}, {@code 802.1ad}). */
    public String ipWord() {
        return ipWord;
    }

    public int ethertype() {
        return ethertype;
    }

    public static Optional<VlanProtocol> ofWord(String word) {
        for (VlanProtocol p : values()) {
            if (p.word.equalsIgnoreCase(word)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public static Optional<VlanProtocol> ofEthertype(long ethertype) {
        for (VlanProtocol p : values()) {
            if (p.ethertype == ethertype) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The ethertype in {@code attr} (be16); one no protocol has reads as {@code 0x88a9}. */
    static OptionCodec codec(Attr attr) {
        return new OptionCodec() {
            @Override
            public void encode(Object value, EncodeContext ctx, MessageWriter w) {
                w.putInt(attr, of((String) value).ethertype());
            }

            @Override
            public Optional<?> decode(Attrs data, DecodeContext ctx) throws MalformedMessageException {
                return data.integer(attr).map(e -> ofEthertype(e).map(VlanProtocol::word)
                        .orElse(String.format("0x%04x", e)));
            }
        };
    }

    /** {@code word 802.1Q}: the protocol as {@code ip} spells it. */
    static IpWords ipWords(String word) {
        return v -> java.util.List.of(word, of((String) v).ipWord());
    }

    private static VlanProtocol of(String word) {
        return ofWord(word).orElseThrow(() -> new IllegalArgumentException(
                "vlan protocol " + word + " is neither 802.1q nor 802.1ad"));
    }

    /** The config words, for a {@link ValueType.Choice}. */
    static ValueType.Choice choice() {
        return ValueType.choice(DOT1Q.word, DOT1AD.word);
    }
}
