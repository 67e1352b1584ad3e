package io.vlinkd.bench;

import io.vlinkd.netlink.kind.BridgeKind;
import io.vlinkd.netlink.kind.BridgeSpec;
import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Codec throughput for 1,000 links. Each operation handles a whole 1,000-link set, so ops/s × 1,000 is links/s.
 * <ul>
 *   <li>{@code decodeDump}: a dump of 1,000 bridges as the kernel sends it (a real RTM_NEWLINK of a bridge from
 *   kernel 6.18, 1,880 bytes, repeated with distinct ifindexes and packed into datagrams of at most 32 KiB like the
 *   kernel's dump skbs): split each datagram (NlMessage.parseAll), decode every link (LinkMessage.decode) and its
 *   bridge options (BridgeKind.decode).</li>
 *   <li>{@code encodeCreates}: the 1,000 RTM_NEWLINK requests that create those bridges (LinkRequests.create with
 *   mtu and the bridge's kind), as one pipelined batch sends them.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LinkDumpCodecBenchmark {
    static final int LINKS = 1000;
    private static final int DATAGRAM = 32 * 1024;
    private static final DecodeContext NAMES = index -> Optional.of("if" + index);

    private List<byte[]> datagrams;
    private List<LinkSpec> specs;

    @Setup
    public void setUp() throws IOException {
        byte[] one = bridgeMessage();
        datagrams = new ArrayList<>();
        byte[] current = new byte[DATAGRAM];
        int used = 0;
        for (int i = 0; i < LINKS; i++) {
            if (used + one.length > DATAGRAM) {
                datagrams.add(java.util.Arrays.copyOf(current, used));
                used = 0;
            }
            System.arraycopy(one, 0, current, used, one.length);
            int index = 2 + i; // ifi_index at offset 16 + 4
            current[used + 20] = (byte) index;
            current[used + 21] = (byte) (index >>> 8);
            used += (one.length + 3) & ~3;
        }
        datagrams.add(java.util.Arrays.copyOf(current, used));
        specs = new ArrayList<>();
        for (int i = 0; i < LINKS; i++) {
            specs.add(LinkSpec.of("br" + i, BridgeKind.INSTANCE, BridgeSpec.unmanaged()).withMtu(1500));
        }
    }

    @Benchmark
    public void decodeDump(Blackhole bh) throws MalformedMessageException {
        for (byte[] d : datagrams) {
            for (NlMessage m : NlMessage.parseAll(d, 0, d.length)) {
                LinkMessage l = LinkMessage.decode(m);
                bh.consume(l);
                bh.consume(BridgeKind.INSTANCE.decode(l.infoData(), NAMES));
            }
        }
    }

    @Benchmark
    public void encodeCreates(Blackhole bh) {
        EncodeContext ctx = EncodeContext.offline();
        for (LinkSpec s : specs) {
            NlRequest r = LinkRequests.create(s, ctx);
            bh.consume(r);
        }
    }

    private static byte[] bridgeMessage() throws IOException {
        try (InputStream in = LinkDumpCodecBenchmark.class.getResourceAsStream("/bridge-newlink.hex")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    return HexFormat.of().parseHex(line.trim());
                }
            }
        }
        throw new IOException("bridge-newlink.hex holds no message");
    }
}
