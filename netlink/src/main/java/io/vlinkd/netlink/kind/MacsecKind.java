package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.RawAttr;
import java.util.List;
import java.util.Optional;

/**
 * A MACsec (IEEE 802.1AE) device on an Ethernet parent (drivers/net/macsec.c). This manages the SecY: its SCI
 * (port), cipher suite, ICV length and protection settings. Keys, receive channels and security associations
 * ({@code ip macsec add ... rx/tx sa}, generic netlink) are out of scope for now: without them the device sends
 * nothing, so an operator adds them with {@code ip macsec} or an MKA daemon (wpa_supplicant).
 *
 * <pre>
 * - name: macsec0
 *   kind: macsec
 *   link: eth0
 *   macsec: { port: 11, cipher: gcm-aes-256, encrypt: true, replay-protect: true, window: 32, validate: strict }
 * </pre>
 * Equivalent to: {@code ip link add link eth0 name macsec0 type macsec port 11 encrypt on validate strict
 * cipher gcm-aes-256 replay on window 32}.
 *
 * <p>iproute2 (ip/ipmacsec.c macsec_parse_opt()) writes PORT or SCI first, then ENCRYPT, PROTECT and VALIDATION in
 * command-line order, then CIPHER_SUITE, ICV_LEN, WINDOW and REPLAY_PROTECT; {@link #ipArgs} prints that order so
 * that the captured request equals ours. One documented difference: {@code replay-protect: false} without a window
 * is sent as REPLAY_PROTECT alone, where iproute2 adds WINDOW 0xffffffff (its "no window" marker leaking into the
 * request, which would set a 4-billion-packet window).
 *
 * <p>Change: macsec_changelink() refuses SCI, PORT, CIPHER_SUITE and ICV_LEN (EINVAL): those re-create the link.
 * encrypt, protect, replay-protect, window and validate are applied in place (macsec_changelink_common()), and only
 * the attributes present are touched, so a change sends only what the config manages.
 */
public final class MacsecKind extends AbstractLinkKind<MacsecKind.MacsecSpec> {
    /** SCI: 8 bytes, the system's MAC address and the port, in network byte order (sci_t). */
    public static final Attr IFLA_MACSEC_SCI = Attr.of("IFLA_MACSEC_SCI", 1, AttrType.BINARY);
    public static final Attr IFLA_MACSEC_PORT = Attr.of("IFLA_MACSEC_PORT", 2, AttrType.BE16);
    public static final Attr IFLA_MACSEC_ICV_LEN = Attr.of("IFLA_MACSEC_ICV_LEN", 3, AttrType.U8);
    public static final Attr IFLA_MACSEC_CIPHER_SUITE = Attr.of("IFLA_MACSEC_CIPHER_SUITE", 4, AttrType.U64);
    public static final Attr IFLA_MACSEC_WINDOW = Attr.of("IFLA_MACSEC_WINDOW", 5, AttrType.U32);
    public static final Attr IFLA_MACSEC_ENCODING_SA = Attr.of("IFLA_MACSEC_ENCODING_SA", 6, AttrType.U8);
    public static final Attr IFLA_MACSEC_ENCRYPT = Attr.of("IFLA_MACSEC_ENCRYPT", 7, AttrType.U8);
    public static final Attr IFLA_MACSEC_PROTECT = Attr.of("IFLA_MACSEC_PROTECT", 8, AttrType.U8);
    public static final Attr IFLA_MACSEC_INC_SCI = Attr.of("IFLA_MACSEC_INC_SCI", 9, AttrType.U8);
    public static final Attr IFLA_MACSEC_ES = Attr.of("IFLA_MACSEC_ES", 10, AttrType.U8);
    public static final Attr IFLA_MACSEC_SCB = Attr.of("IFLA_MACSEC_SCB", 11, AttrType.U8);
    public static final Attr IFLA_MACSEC_REPLAY_PROTECT = Attr.of("IFLA_MACSEC_REPLAY_PROTECT", 12, AttrType.U8);
    public static final Attr IFLA_MACSEC_VALIDATION = Attr.of("IFLA_MACSEC_VALIDATION", 13, AttrType.U8);
    public static final Attr IFLA_MACSEC_PAD = Attr.of("IFLA_MACSEC_PAD", 14, AttrType.BINARY);
    public static final Attr IFLA_MACSEC_OFFLOAD = Attr.of("IFLA_MACSEC_OFFLOAD", 15, AttrType.U8);

    private static final AttrSpace SPACE = AttrSpace.of("IFLA_MACSEC", IFLA_MACSEC_SCI, IFLA_MACSEC_PORT,
            IFLA_MACSEC_ICV_LEN, IFLA_MACSEC_CIPHER_SUITE, IFLA_MACSEC_WINDOW, IFLA_MACSEC_ENCODING_SA,
            IFLA_MACSEC_ENCRYPT, IFLA_MACSEC_PROTECT, IFLA_MACSEC_INC_SCI, IFLA_MACSEC_ES, IFLA_MACSEC_SCB,
            IFLA_MACSEC_REPLAY_PROTECT, IFLA_MACSEC_VALIDATION, IFLA_MACSEC_PAD, IFLA_MACSEC_OFFLOAD);

    /** linux/if_macsec.h MACSEC_CIPHER_ID_*; the XPN suites came with Linux 5.7. An unknown id reads as none. */
    private static final Words CIPHERS = Words.of(null, "gcm-aes-128", 0x0080C20001000001L,
            "gcm-aes-256", 0x0080C20001000002L, "gcm-aes-xpn-128", 0x0080C20001000003L,
            "gcm-aes-xpn-256", 0x0080C20001000004L);
    /** MACSEC_DEFAULT_CIPHER_ID: an alias of gcm-aes-128 the kernel accepts; it dumps the real id. */
    private static final long MACSEC_DEFAULT_CIPHER_ID = 0x0080020001000001L;
    /** enum macsec_validation_type; an unknown value reads as none. */
    private static final Words VALIDATE = Words.of(null, "disabled", 0, "check", 1, "strict", 2);
    /** MACSEC_XPN_MAX_REPLAY_WINDOW (drivers/net/macsec.c; IEEE 802.1AEbw-2013 10.7.8). */
    private static final long XPN_MAX_WINDOW = (1L << 30) - 1;

    /**
     * @param port          {@code port}: IFLA_MACSEC_PORT, the SCI's port (1..65535), with the device's MAC
     * @param sci           {@code sci}: IFLA_MACSEC_SCI, the whole 64-bit SCI (instead of port)
     * @param cipher        {@code cipher}: IFLA_MACSEC_CIPHER_SUITE (gcm-aes-128, gcm-aes-256, gcm-aes-xpn-128/256)
     * @param icvlen        {@code icvlen}: IFLA_MACSEC_ICV_LEN, 8..16 bytes
     * @param encrypt       {@code encrypt}: IFLA_MACSEC_ENCRYPT (confidentiality, not only integrity)
     * @param protect       {@code protect}: IFLA_MACSEC_PROTECT (protect outgoing frames)
     * @param replayProtect {@code replay-protect}: IFLA_MACSEC_REPLAY_PROTECT ({@code ip ... replay on})
     * @param window        {@code window}: IFLA_MACSEC_WINDOW, the replay window in packets
     * @param validate      {@code validate}: IFLA_MACSEC_VALIDATION (disabled, check, strict)
     */
    public record MacsecSpec(Optional<Integer> port, Optional<Long> sci, Optional<String> cipher,
                             Optional<Integer> icvlen, Optional<Boolean> encrypt, Optional<Boolean> protect,
                             Optional<Boolean> replayProtect, Optional<Long> window, Optional<String> validate)
            implements KindSpec {
    }

    private static final String REFUSAL = "macsec_changelink() refuses sci, port, cipher and icvlen (EINVAL)";

    // port and sci exclude each other; a spec with sci (a dumped one has both) writes and prints only sci.
    private static final List<Option> OPTIONS = List.of(
            Option.createOnly("port", ValueType.integer(1, 0xffff), "4.6",
                    "IFLA_MACSEC_PORT: the port of the SCI (with the device's MAC); changelink refuses it")
                    .attr(IFLA_MACSEC_PORT).refusal(REFUSAL),
            Option.createOnly("sci", new ValueType.Text(18), "4.6",
                    "IFLA_MACSEC_SCI: the whole SCI, 16 hex digits (MAC and port); changelink refuses it")
                    .codec(new Sci()).convert(new Sci()).ip(v -> List.of("sci", Sci.word((Long) v)))
                    .refusal(REFUSAL),
            Option.createOnly("cipher", CIPHERS.choice(), "4.6",
                    "IFLA_MACSEC_CIPHER_SUITE (the xpn suites need 5.7); changelink refuses it")
                    .codec(new Cipher()).refusal(REFUSAL),
            Option.createOnly("icvlen", ValueType.integer(8, 16), "4.6",
                    "IFLA_MACSEC_ICV_LEN: integrity check value length in bytes; changelink refuses it")
                    .attr(IFLA_MACSEC_ICV_LEN).refusal(REFUSAL),
            Option.inPlace("encrypt", ValueType.bool(), "4.6", "IFLA_MACSEC_ENCRYPT: encrypt, not only sign")
                    .attr(IFLA_MACSEC_ENCRYPT).ip(IpWords.onOff("encrypt")),
            Option.inPlace("protect", ValueType.bool(), "4.6", "IFLA_MACSEC_PROTECT: protect outgoing frames")
                    .attr(IFLA_MACSEC_PROTECT).ip(IpWords.onOff("protect")),
            Option.inPlace("replay-protect", ValueType.bool(), "4.6",
                    "IFLA_MACSEC_REPLAY_PROTECT: drop replayed frames (true needs a window)")
                    .attr(IFLA_MACSEC_REPLAY_PROTECT).ip(IpWords.onOff("replay")),
            Option.inPlace("window", ValueType.u32(), "4.6",
                    "IFLA_MACSEC_WINDOW: replay window in packets (at most 2^30-1 with an xpn cipher)")
                    .attr(IFLA_MACSEC_WINDOW),
            Option.inPlace("validate", VALIDATE.choice(), "4.6",
                    "IFLA_MACSEC_VALIDATION: what to do with frames that fail validation")
                    .words(IFLA_MACSEC_VALIDATION, VALIDATE));

    public static final MacsecKind INSTANCE = new MacsecKind();

    private MacsecKind() {
        super("macsec", MacsecSpec.class, SPACE, OPTIONS);
        // iproute2's order: PORT or SCI, ENCRYPT, PROTECT, VALIDATION, CIPHER_SUITE, ICV_LEN, WINDOW, REPLAY_PROTECT.
        wireOrder("sci", "port", "encrypt", "protect", "validate", "cipher", "icvlen", "window", "replay-protect");
        ipOrder("sci", "port", "encrypt", "protect", "validate", "cipher", "icvlen", "replay-protect", "window");
    }

    /**
     * macsec_start_xmit() drops every frame while the SecY is not operational, which it becomes only with an active
     * transmit SA; vlinkd configures none yet.
     */
    @Override
    public Optional<String> caveat() {
        return Optional.of("vlinkd does not configure MACsec keys yet: no transmit or receive secure channel and no"
                + " security association (`ip macsec add NAME tx sa 0 pn 1 on key ID KEY`, `ip macsec add NAME rx"
                + " port P address MAC`), and without an active transmit SA the kernel drops every frame the"
                + " device would send. A macsec interface passes no traffic until its keys are added outside"
                + " vlinkd, with `ip macsec` or an MKA daemon (wpa_supplicant).");
    }

    @Override
    protected void validate(OptionValues v, LinkCommon common, Problems problems) {
        if (common.link().isEmpty()) {
            problems.add(null, "a macsec device needs a parent: set link to its Ethernet device");
        }
        Optional<String> sciText = v.string("sci");
        if (sciText.isPresent()) {
            if (Sci.parse(sciText.get()) == null) {
                problems.add("sci", "sci " + sciText.get() + " is not a 64-bit hexadecimal number"
                        + " (16 hex digits: the MAC address and the port)");
            }
            if (v.has("port")) {
                problems.add("sci", "give either port or sci, not both: the sci already holds a port");
            }
        }
        Optional<Boolean> replay = v.bool("replay-protect");
        Optional<Long> window = v.integer("window");
        if (window.isPresent() && replay.isEmpty()) {
            problems.add("window", "window needs replay-protect (true or false) beside it, as in ip's"
                    + " \"replay on window N\"");
        }
        if (replay.orElse(false) && window.isEmpty()) {
            problems.add("replay-protect", "replay-protect: true needs a window (the kernel refuses it without"
                    + " one)");
        }
        Optional<String> cipher = v.string("cipher");
        if (cipher.isPresent() && cipher.get().contains("xpn") && window.orElse(0L) > XPN_MAX_WINDOW) {
            problems.add("window", "window " + window.get() + " is too large for " + cipher.get()
                    + ": an xpn cipher allows at most " + XPN_MAX_WINDOW);
        }
    }

    @Override
    public void encodeCreate(MacsecSpec s, EncodeContext ctx, MessageWriter w) {
        super.encodeCreate(withoutPortBesideSci(s), ctx, w);
    }

    @Override
    public List<String> ipArgs(MacsecSpec s) {
        return super.ipArgs(withoutPortBesideSci(s));
    }

    /** The sci holds the port: with an sci, the port is neither sent nor printed. */
    private MacsecSpec withoutPortBesideSci(MacsecSpec s) {
        if (s.sci().isEmpty() || s.port().isEmpty()) {
            return s;
        }
        return restrict(s, options().stream().map(Option::key).filter(k -> !k.equals("port")).toList());
    }

    /** The kernel dumps the SCI, never the port: the port is its low 16 bits. */
    @Override
    public MacsecSpec decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        MacsecSpec s = super.decode(d, ctx);
        if (s.port().isEmpty() && s.sci().isPresent()) {
            s = withOption(s, "port", s.sci().get() & 0xffff);
        }
        return s;
    }

    /** IFLA_MACSEC_SCI: 8 bytes in network order; in the config, hexadecimal text. */
    private static final class Sci implements OptionCodec, Option.Convert {
        static String word(long sci) {
            return String.format("0x%016x", sci);
        }

        /** The SCI of {@code text} (16 hex digits, 0x optional), or null. */
        static Long parse(String text) {
            String hex = text.startsWith("0x") ? text.substring(2) : text;
            return hex.matches("[0-9a-fA-F]{1,16}") ? Long.parseUnsignedLong(hex, 16) : null;
        }

        @Override
        public Object toOption(Object specValue) {
            return word((Long) specValue);
        }

        @Override
        public Object toSpec(Object optionValue) {
            return parse((String) optionValue);
        }

        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            long sci = (Long) value;
            byte[] b = new byte[8];
            for (int i = 0; i < 8; i++) {
                b[i] = (byte) (sci >>> (56 - 8 * i));
            }
            w.putBytes(IFLA_MACSEC_SCI, b);
        }

        @Override
        public Optional<?> decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
            Optional<RawAttr> raw = d.raw(IFLA_MACSEC_SCI);
            if (raw.isEmpty()) {
                return Optional.empty();
            }
            byte[] b = raw.get().payload();
            if (b.length != 8) {
                throw new MalformedMessageException("IFLA_MACSEC_SCI: an SCI needs 8 bytes, got " + b.length);
            }
            long v = 0;
            for (byte x : b) {
                v = v << 8 | (x & 0xff);
            }
            return Optional.of(v);
        }
    }

    /** IFLA_MACSEC_CIPHER_SUITE, a u64 id; the default id reads as gcm-aes-128. */
    private static final class Cipher implements OptionCodec {
        @Override
        public void encode(Object value, EncodeContext ctx, MessageWriter w) {
            w.putInt(IFLA_MACSEC_CIPHER_SUITE, CIPHERS.value((String) value));
        }

        @Override
        public Optional<?> decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
            return d.integer(IFLA_MACSEC_CIPHER_SUITE).flatMap(id -> CIPHERS.decode(
                    id == MACSEC_DEFAULT_CIPHER_ID ? CIPHERS.value("gcm-aes-128") : id));
        }
    }

    /** See {@link LinkKind#createIgnoresMtu()}. */
    @Override
    public boolean createIgnoresMtu() {
        return true;
    }
}
