package io.vlinkd.netlink.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.netlink.Acks;
import io.vlinkd.netlink.genl.GenlFamily;
import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.route.AddressMessage;
import io.vlinkd.netlink.route.IfAddrMsg;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifa;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.LinkStats64;
import io.vlinkd.netlink.route.Rta;
import io.vlinkd.netlink.route.RouteMessage;
import io.vlinkd.netlink.route.RtMsg;
import io.vlinkd.netlink.route.Rtnl;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The parser never throws anything but {@link MalformedMessageException}, whatever bytes it gets. A seeded random
 * and mutation test over messages captured from a real kernel (link, address and route dumps, error
 * acknowledgements, requests): every case runs the whole parsing surface (NlMessage.parseAll, Attrs.parse and every
 * accessor with every wire type, the Link/Address/Route decoders, Acks, the genl family decoder, and every registered
 * kind's decoder). Reproduce a failure with {@code -Dfuzz.seed=N}; raise the count with {@code -Dfuzz.cases=N}.
 */
class ParserFuzzTest {
    private static final long SEED = Long.getLong("fuzz.seed", 0x5eed_2026_1124L);
    private static final int CASES = Integer.getInteger("fuzz.cases", 20_000);
    private static final int[] INTERESTING = {0, 1, 2, 3, 4, 5, 7, 8, 15, 16, 17, 20, 0x7f, 0x80, 0xff, 0x100,
        0x3fff, 0x4000, 0x7fff, 0x8000, 0xfffe, 0xffff, 0x10000, 0x7fffffff, 0x80000000, 0xfffffff0, 0xffffffff};
    private static final AttrType[] TYPES = AttrType.values();
    private static final DecodeContext NAMES = index -> Optional.of("if" + index);

    @Test
    void theParserThrowsOnlyMalformedMessageExceptionOnMutatedKernelMessages() {
        List<byte[]> corpus = corpus();
        Random random = new Random(SEED);
        int[] outcome = new int[3]; // rejected by parseAll, split but not decoded, decoded by its own decoder
        for (int i = 0; i < CASES; i++) {
            byte[] input = mutate(corpus, random);
            try {
                outcome[exercise(input, random)]++;
            } catch (Throwable t) {
                throw new AssertionError("case " + i + " (seed " + SEED + ") threw " + t + " for input "
                        + HexFormat.of().formatHex(input), t);
            }
        }
        System.out.println("ParserFuzzTest: " + CASES + " cases (seed " + SEED + "): " + outcome[0]
                + " rejected as malformed by parseAll, " + outcome[1] + " split into messages but refused by their"
                + " decoder, " + outcome[2] + " decoded");
        // Every outcome must occur, or the mutations are too weak (or too strong) to mean anything.
        assertThat(outcome[0]).isGreaterThan(CASES / 50);
        assertThat(outcome[1]).isGreaterThan(CASES / 50);
        assertThat(outcome[2]).isGreaterThan(CASES / 50);
    }

    @Test
    void theUnmutatedCorpusDecodesCleanlyWithTheRightDecoder() throws Exception {
        int decoded = 0;
        for (byte[] b : corpus()) {
            for (NlMessage m : NlMessage.parseAll(b, 0, b.length)) {
                switch (m.type()) {
                    case Rtnl.RTM_NEWLINK -> use(LinkMessage.decode(m));
                    case Rtnl.RTM_NEWADDR -> use(AddressMessage.decode(m));
                    case Rtnl.RTM_NEWROUTE -> use(RouteMessage.decode(m));
                    case Netlink.NLMSG_ERROR -> Acks.failure(m, null);
                    default -> {
                        continue;
                    }
                }
                decoded++;
            }
        }
        assertThat(decoded).isGreaterThan(30);
    }

    private static List<byte[]> corpus() {
        List<byte[]> out = new ArrayList<>();
        for (String f : List.of("link-dump.txt", "addr-dump.txt", "route-dump.txt", "acks.txt")) {
            for (Captured c : Captured.load(f)) {
                out.add(c.bytes());
            }
        }
        out.add(LinkRequests.dump().bytes());
        out.add(LinkRequests.get("br0").bytes());
        out.add(LinkRequests.deleteByName("vx0").bytes());
        out.add(GenlFamily.getFamilyRequest("team").bytes());
        assertThat(out).hasSizeGreaterThan(40);
        return out;
    }

    // ---- mutations ------------------------------------------------------------------------------------------

    private static byte[] mutate(List<byte[]> corpus, Random r) {
        byte[] b = corpus.get(r.nextInt(corpus.size())).clone();
        int rounds = 1 + r.nextInt(4);
        for (int k = 0; k < rounds; k++) {
            b = mutateOnce(b, corpus, r);
        }
        if (b.length >= Netlink.NLMSG_HDRLEN && r.nextBoolean()) {
            // Half the time, make nlmsg_len agree with the bytes, so the damage reaches the attribute parsers
            // instead of stopping at the message split.
            int len = b.length;
            for (int i = 0; i < 4; i++) {
                b[i] = (byte) (len >>> (8 * i));
            }
        }
        return b;
    }

    private static byte[] mutateOnce(byte[] b, List<byte[]> corpus, Random r) {
        int op = r.nextInt(11);
        if (b.length == 0 && op < 8) {
            op = 8;
        }
        switch (op) {
            case 0 -> b[r.nextInt(b.length)] ^= (byte) (1 << r.nextInt(8));
            case 1 -> b[r.nextInt(b.length)] = (byte) INTERESTING[r.nextInt(INTERESTING.length)];
            case 2, 3 -> { // a length or type field: u16 at an aligned offset (nla_len, nla_type)
                int at = (r.nextInt(b.length) & ~1);
                if (at + 2 <= b.length) {
                    int v = INTERESTING[r.nextInt(INTERESTING.length)] + (r.nextBoolean() ? 0 : r.nextInt(9) - 4);
                    b[at] = (byte) v;
                    b[at + 1] = (byte) (v >>> 8);
                }
            }
            case 4 -> { // a u32 (nlmsg_len, error code, echoed length)
                int at = (r.nextInt(b.length) & ~3);
                if (at + 4 <= b.length) {
                    int v = INTERESTING[r.nextInt(INTERESTING.length)];
                    for (int i = 0; i < 4; i++) {
                        b[at + i] = (byte) (v >>> (8 * i));
                    }
                }
            }
            case 5 -> b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1)); // truncate
            case 6 -> { // delete a slice
                int from = r.nextInt(b.length);
                int to = Math.min(b.length, from + 1 + r.nextInt(16));
                byte[] n = new byte[b.length - (to - from)];
                System.arraycopy(b, 0, n, 0, from);
                System.arraycopy(b, to, n, from, b.length - to);
                b = n;
            }
            case 7 -> { // change the message type so another decoder reads these bytes
                int[] types = {Netlink.NLMSG_ERROR, Netlink.NLMSG_DONE, Rtnl.RTM_NEWLINK, Rtnl.RTM_NEWADDR,
                    Rtnl.RTM_NEWROUTE, 16 /* genl controller */};
                if (b.length >= 6) {
                    int t = types[r.nextInt(types.length)];
                    b[4] = (byte) t;
                    b[5] = (byte) (t >>> 8);
                }
            }
            case 8 -> { // append random bytes
                byte[] extra = new byte[1 + r.nextInt(24)];
                r.nextBytes(extra);
                byte[] n = java.util.Arrays.copyOf(b, b.length + extra.length);
                System.arraycopy(extra, 0, n, b.length, extra.length);
                b = n;
            }
            case 9 -> { // splice: this message followed by (part of) another, as in one datagram
                byte[] other = corpus.get(r.nextInt(corpus.size()));
                int keep = r.nextInt(other.length + 1);
                byte[] n = java.util.Arrays.copyOf(b, Netlink.align(b.length) + keep);
                System.arraycopy(other, 0, n, Netlink.align(b.length), keep);
                b = n;
            }
            default -> { // pure noise
                b = new byte[r.nextInt(96)];
                r.nextBytes(b);
            }
        }
        return b;
    }

    // ---- the whole parsing surface --------------------------------------------------------------------------

    /** Runs the whole surface over {@code input}; returns 0 (rejected), 1 (split, not decoded) or 2 (decoded). */
    private static int exercise(byte[] input, Random r) {
        List<NlMessage> messages;
        try {
            messages = NlMessage.parseAll(input, 0, input.length);
        } catch (MalformedMessageException e) {
            return 0;
        }
        boolean allDecoded = !messages.isEmpty();
        for (NlMessage m : messages) {
            allDecoded &= exercise(m, r);
        }
        return allDecoded ? 2 : 1;
    }

    /** Every decoder and accessor on one message; true when the decoder for its type accepted it. */
    private static boolean exercise(NlMessage m, Random r) {
        m.hasFlag(Netlink.NLM_F_MULTI);
        int[] headers = {0, 4, IfAddrMsg.LENGTH, RtMsg.LENGTH, IfInfoMsg.LENGTH, 20};
        quietly(() -> walk(m.attributesAfter(headers[r.nextInt(headers.length)]), 0, r));
        for (Check c : List.<Check>of(() -> m.u8(0), () -> m.u16(2), () -> m.u32(12),
                () -> m.u32(m.payloadLength() - 4), () -> IfInfoMsg.read(m), () -> IfAddrMsg.read(m),
                () -> RtMsg.read(m), () -> Acks.errorCode(m))) {
            quietly(c);
        }
        // Every decoder, whatever the type says: a decoder must refuse foreign bytes with MalformedMessageException.
        boolean link = quietly(() -> use(LinkMessage.decode(m), r));
        boolean addr = quietly(() -> use(AddressMessage.decode(m)));
        boolean route = quietly(() -> use(RouteMessage.decode(m)));
        boolean genl = quietly(() -> use(GenlFamily.decode(m)));
        boolean ack = quietly(() -> Acks.failure(m, null));
        quietly(() -> Acks.failure(m, LinkRequests.get("br0")));
        return switch (m.type()) {
            // 16 is RTM_NEWLINK and also the genl controller's family id: either decoder may claim it.
            case Rtnl.RTM_NEWLINK -> link && quietly(() -> walk(m.attributesAfter(IfInfoMsg.LENGTH), 0, r)) || genl;
            case Rtnl.RTM_NEWADDR -> addr;
            case Rtnl.RTM_NEWROUTE -> route;
            case Netlink.NLMSG_ERROR -> ack;
            default -> false;
        };
    }

    /** Runs {@code c}; true when it completed, false when it threw MalformedMessageException. */
    private static boolean quietly(Check c) {
        try {
            c.run();
            return true;
        } catch (MalformedMessageException e) {
            return false;
        }
    }

    private static void use(LinkMessage l, Random r) throws MalformedMessageException {
        use(l);
        quietly(() -> walk(l.infoData(), 1, r));
        quietly(() -> walk(l.slaveData(), 1, r));
        for (LinkKind<?> kind : LinkKinds.all()) { // every kind's decoder on any bytes
            quietly(() -> kind.decode(l.infoData(), NAMES));
        }
    }

    /** The decoded link's accessors, and its own kind's decoder (which must accept what the kernel dumped). */
    private static void use(LinkMessage l) throws MalformedMessageException {
        l.index();
        l.isUp();
        l.operstateName();
        l.unknownAttributes();
        String.valueOf(l.address());
        if (l.kind() != null) {
            Optional<LinkKind<?>> kind = LinkKinds.byName(l.kind());
            if (kind.isPresent()) {
                kind.get().decode(l.infoData(), NAMES);
            }
        }
    }

    private static void use(AddressMessage a) {
        a.own();
        a.peer();
        a.attrs().unknown(Ifa.SPACE);
    }

    private static void use(RouteMessage r) {
        r.protocol();
        r.attrs().unknown(Rta.SPACE);
    }

    private static void use(GenlFamily f) {
        f.multicastGroups().size();
    }

    /**
     * Every accessor on every attribute, each attribute read as one randomly chosen wire type (all types over the
     * run), nested lists to a few levels.
     */
    private static void walk(Attrs attrs, int depth, Random r) throws MalformedMessageException {
        attrs.unknown(Ifla.SPACE);
        attrs.isEmpty();
        for (RawAttr raw : attrs.all()) {
            raw.payload();
            raw.toString();
            raw.hashCode();
            Attr a = Attr.of("FUZZ", raw.type(), TYPES[r.nextInt(TYPES.length)]);
            for (Check c : List.<Check>of(() -> attrs.integer(a), () -> attrs.integer(a, -1),
                    () -> attrs.string(a), () -> attrs.bytes(a), () -> attrs.flag(a), () -> attrs.mac(a),
                    () -> attrs.address(a), () -> Attrs.readInteger(a, raw), () -> LinkStats64.read(raw))) {
                quietly(c);
            }
            if (depth < 3) {
                quietly(() -> walk(Attrs.nested(raw), depth + 1, r));
            }
        }
    }

    private interface Check {
        void run() throws MalformedMessageException;
    }

    private static void use(Object o) {
        o.hashCode();
    }
}
