package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.RawAttr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** linux/if_macsec.h MACSEC_CIPHER_ID_*; the XPN suites came with Linux 5.7. */
    private static final Map<String, Long> CIPHERS = ciphers();
    /** MACSEC_DEFAULT_CIPHER_ID: an alias of gcm-aes-128 the kernel accepts; it dumps the real id. */
    private static final long MACSEC_DEFAULT_CIPHER_ID = 0x0080020001000001L;
    /** enum macsec_validation_type: MACSEC_VALIDATE_DISABLED, _CHECK, _STRICT. */
    private static final List<String> VALIDATE = List.of("disabled", "check", "strict");
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

    private static final List<Option> OPTIONS = List.of(
            Option.createOnly("port", ValueType.integer(1, 0xffff), "4.6",
                    "IFLA_MACSEC_PORT: the port of the SCI (with the device's MAC); changelink refuses it"),
            Option.createOnly("sci", new ValueType.Text(18), "4.6",
                    "IFLA_MACSEC_SCI: the whole SCI, 16 hex digits (MAC and port); changelink refuses it"),
            Option.createOnly("cipher", new ValueType.Choice(List.copyOf(CIPHERS.keySet())), "4.6",
                    "IFLA_MACSEC_CIPHER_SUITE (the xpn suites need 5.7); changelink refuses it"),
            Option.createOnly("icvlen", ValueType.integer(8, 16), "4.6",
                    "IFLA_MACSEC_ICV_LEN: integrity check value length in bytes; changelink refuses it"),
            Option.inPlace("encrypt", ValueType.bool(), "4.6", "IFLA_MACSEC_ENCRYPT: encrypt, not only sign"),
            Option.inPlace("protect", ValueType.bool(), "4.6", "IFLA_MACSEC_PROTECT: protect outgoing frames"),
            Option.inPlace("replay-protect", ValueType.bool(), "4.6",
                    "IFLA_MACSEC_REPLAY_PROTECT: drop replayed frames (true needs a window)"),
            Option.inPlace("window", ValueType.u32(), "4.6",
                    "IFLA_MACSEC_WINDOW: replay window in packets (at most 2^30-1 with an xpn cipher)"),
            Option.inPlace("validate", new ValueType.Choice(VALIDATE), "4.6",
                    "IFLA_MACSEC_VALIDATION: what to do with frames that fail validation"));

    public static final MacsecKind INSTANCE = new MacsecKind();

    private MacsecKind() {
        super("macsec", MacsecSpec.class, SPACE, OPTIONS);
    }

    private static Map<String, Long> ciphers() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("gcm-aes-128", 0x0080C20001000001L);
        m.put("gcm-aes-256", 0x0080C20001000002L);
        m.put("gcm-aes-xpn-128", 0x0080C20001000003L);
        m.put("gcm-aes-xpn-256", 0x0080C20001000004L);
        return m;
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
    public MacsecSpec fromOptions(OptionValues v, LinkCommon common, Problems problems) {
        if (common.link().isEmpty()) {
            problems.add(null, "a macsec device needs a parent: set link to its Ethernet device");
        }
        Optional<Long> sci = Optional.empty();
        Optional<String> sciText = v.string("sci");
        if (sciText.isPresent()) {
            String hex = sciText.get().startsWith("0x") ? sciText.get().substring(2) : sciText.get();
            if (!hex.matches("[0-9a-fA-F]{1,16}")) {
                problems.add("sci", "sci " + sciText.get() + " is not a 64-bit hexadecimal number"
                        + " (16 hex digits: the MAC address and the port)");
            } else {
                sci = Optional.of(Long.parseUnsignedLong(hex, 16));
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
        return new MacsecSpec(v.integer("port").map(Long::intValue), sci, cipher,
                v.integer("icvlen").map(Long::intValue), v.bool("encrypt"), v.bool("protect"), replay, window,
                v.string("validate"));
    }

    @Override
    public OptionValues toOptions(MacsecSpec s) {
        return OptionValues.builder()
                .put("port", s.port())
                .put("sci", s.sci().map(MacsecKind::sciWord))
                .put("cipher", s.cipher())
                .put("icvlen", s.icvlen())
                .put("encrypt", s.encrypt())
                .put("protect", s.protect())
                .put("replay-protect", s.replayProtect())
                .put("window", s.window())
                .put("validate", s.validate())
                .build();
    }

    private static String sciWord(long sci) {
        return String.format("0x%016x", sci);
    }

    private static byte[] sciBytes(long sci) {
        byte[] b = new byte[8];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (sci >>> (56 - 8 * i));
        }
        return b;
    }

    @Override
    public void encodeCreate(MacsecSpec s, EncodeContext ctx, MessageWriter w) {
        if (s.sci().isPresent()) {
            w.putBytes(IFLA_MACSEC_SCI, sciBytes(s.sci().get()));
        } else {
            s.port().ifPresent(p -> w.putInt(IFLA_MACSEC_PORT, p));
        }
        writeSettings(s, w, true);
    }

    /**
     * ENCRYPT, PROTECT, VALIDATION, then the create-only CIPHER_SUITE and ICV_LEN on create only, then WINDOW and
     * REPLAY_PROTECT: iproute2's order.
     */
    private void writeSettings(MacsecSpec s, MessageWriter w, boolean create) {
        s.encrypt().ifPresent(e -> w.putInt(IFLA_MACSEC_ENCRYPT, e ? 1 : 0));
        s.protect().ifPresent(p -> w.putInt(IFLA_MACSEC_PROTECT, p ? 1 : 0));
        s.validate().ifPresent(v -> w.putInt(IFLA_MACSEC_VALIDATION, VALIDATE.indexOf(v)));
        if (create) {
            s.cipher().ifPresent(c -> w.putInt(IFLA_MACSEC_CIPHER_SUITE, CIPHERS.get(c)));
            s.icvlen().ifPresent(i -> w.putInt(IFLA_MACSEC_ICV_LEN, i));
        }
        s.window().ifPresent(n -> w.putInt(IFLA_MACSEC_WINDOW, n));
        s.replayProtect().ifPresent(r -> w.putInt(IFLA_MACSEC_REPLAY_PROTECT, r ? 1 : 0));
    }

    @Override
    public void encodeChange(MacsecSpec desired, EncodeContext ctx, MessageWriter w) {
        writeSettings(desired, w, false);
    }

    @Override
    public MacsecSpec decode(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        Optional<Long> sci = Optional.empty();
        Optional<RawAttr> raw = d.raw(IFLA_MACSEC_SCI);
        if (raw.isPresent()) {
            byte[] b = raw.get().payload();
            if (b.length != 8) {
                throw new MalformedMessageException("IFLA_MACSEC_SCI: an SCI needs 8 bytes, got " + b.length);
            }
            long v = 0;
            for (byte x : b) {
                v = v << 8 | (x & 0xff);
            }
            sci = Optional.of(v);
        }
        Optional<Integer> port = d.integer(IFLA_MACSEC_PORT).map(Long::intValue);
        if (port.isEmpty() && sci.isPresent()) {
            // The kernel dumps the SCI, never the port: the port is its low 16 bits.
            port = Optional.of((int) (sci.get() & 0xffff));
        }
        Optional<String> cipher = Optional.empty();
        Optional<Long> id = d.integer(IFLA_MACSEC_CIPHER_SUITE);
        if (id.isPresent()) {
            long want = id.get() == MACSEC_DEFAULT_CIPHER_ID ? CIPHERS.get("gcm-aes-128") : id.get();
            for (Map.Entry<String, Long> e : CIPHERS.entrySet()) {
                if (e.getValue() == want) {
                    cipher = Optional.of(e.getKey());
                }
            }
        }
        Optional<String> validate = d.integer(IFLA_MACSEC_VALIDATION)
                .filter(v -> v >= 0 && v < VALIDATE.size()).map(v -> VALIDATE.get(v.intValue()));
        return new MacsecSpec(port, sci, cipher, d.integer(IFLA_MACSEC_ICV_LEN).map(Long::intValue),
                d.integer(IFLA_MACSEC_ENCRYPT).map(e -> e != 0), d.integer(IFLA_MACSEC_PROTECT).map(p -> p != 0),
                d.integer(IFLA_MACSEC_REPLAY_PROTECT).map(r -> r != 0), d.integer(IFLA_MACSEC_WINDOW), validate);
    }

    @Override
    public List<String> ipArgs(MacsecSpec s) {
        List<String> a = new ArrayList<>();
        if (s.sci().isPresent()) {
            a.addAll(List.of("sci", sciWord(s.sci().get())));
        } else {
            s.port().ifPresent(p -> a.addAll(List.of("port", Integer.toString(p))));
        }
        s.encrypt().ifPresent(e -> a.addAll(List.of("encrypt", e ? "on" : "off")));
        s.protect().ifPresent(p -> a.addAll(List.of("protect", p ? "on" : "off")));
        s.validate().ifPresent(v -> a.addAll(List.of("validate", v)));
        s.cipher().ifPresent(c -> a.addAll(List.of("cipher", c)));
        s.icvlen().ifPresent(i -> a.addAll(List.of("icvlen", Integer.toString(i))));
        s.replayProtect().ifPresent(r -> a.addAll(List.of("replay", r ? "on" : "off")));
        s.window().ifPresent(n -> a.addAll(List.of("window", Long.toString(n))));
        return a;
    }

    @Override
    public List<Difference> differences(MacsecSpec desired, MacsecSpec observed) {
        List<Difference> out = new ArrayList<>();
        for (Difference d : super.differences(desired, observed)) {
            out.add(d.change() == Option.Change.RECREATE
                    ? new Difference(d.key(), d.desired(), d.observed(), d.change(),
                    "macsec_changelink() refuses sci, port, cipher and icvlen (EINVAL)")
                    : d);
        }
        return out;
    }
}
