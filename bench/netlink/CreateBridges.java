import io.vlinkd.netlink.kind.BridgeKind;
import io.vlinkd.netlink.kind.BridgeSpec;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.link.LinkRequests;
import io.vlinkd.netlink.link.LinkSpec;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.socket.BatchResult;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.socket.Netns;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates N bridges in a fresh namespace through vlinkd's netlink layer (one pipelined batch) and N bridges in
 * another fresh namespace with `ip -batch`, and prints both times and their ratio. Run by bench/netlink/create-bridges.
 * A warm-up batch in a third namespace comes first (a daemon's JIT is warm), unless --cold.
 */
public class CreateBridges {
    public static void main(String[] args) throws Exception {
        int n = 1000;
        boolean cold = false;
        boolean sequential = false;
        for (String a : args) {
            if (a.equals("--cold")) {
                cold = true;
            } else if (a.equals("--sequential")) {
                sequential = true;
            } else {
                n = Integer.parseInt(a);
            }
        }
        List<String> namespaces = new ArrayList<>();
        try {
            if (!cold) {
                String warm = fresh(namespaces);
                layerBatch(warm, 200, "warm");
            }
            String ipNs = fresh(namespaces);
            long ipNanos = ipBatch(ipNs, n);
            String layerNs = fresh(namespaces);
            long layerNanos = layerBatch(layerNs, n, "br");
            System.out.printf("create %d bridges, fresh namespaces, kernel %s%n", n,
                    System.getProperty("os.version"));
            System.out.printf("  ip -batch (process start to exit):           %8.1f ms%n", ipNanos / 1e6);
            System.out.printf("  vlinkd layer, one pipelined batch%s: %8.1f ms%n", cold ? " (cold JVM)" : "          ",
                    layerNanos / 1e6);
            if (sequential) {
                String seqNs = fresh(namespaces);
                long seqNanos = layerSequential(seqNs, n);
                System.out.printf("  vlinkd layer, one request at a time:         %8.1f ms%n", seqNanos / 1e6);
            }
            System.out.printf("  ratio layer / ip -batch: %.2f (below 1 means the layer is faster)%n",
                    (double) layerNanos / ipNanos);
        } finally {
            for (String ns : namespaces) {
                new ProcessBuilder("ip", "netns", "del", ns).inheritIO().start().waitFor();
            }
        }
    }

    private static String fresh(List<String> namespaces) throws Exception {
        String name = "vlb-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 30, 1L << 40), 36);
        run("ip", "netns", "add", name);
        namespaces.add(name);
        return name;
    }

    private static List<NlRequest> requests(String prefix, int n) {
        List<NlRequest> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(LinkRequests.create(LinkSpec.of(prefix + i, BridgeKind.INSTANCE, BridgeSpec.unmanaged()),
                    EncodeContext.offline()));
        }
        return out;
    }

    /** Socket open, encoding and the batch are all inside the timing; the namespace is made before. */
    private static long layerBatch(String ns, int n, String prefix) throws Exception {
        long t0 = System.nanoTime();
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE, Netns.named(ns))) {
            List<BatchResult> results = s.executeBatch(requests(prefix, n));
            long t1 = System.nanoTime();
            for (BatchResult r : results) {
                if (!r.ok()) {
                    throw new IllegalStateException(r.error().getMessage());
                }
            }
            check(s, n);
            return t1 - t0;
        }
    }

    private static long layerSequential(String ns, int n) throws Exception {
        long t0 = System.nanoTime();
        try (NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE, Netns.named(ns))) {
            for (NlRequest r : requests("br", n)) {
                s.execute(r);
            }
            long t1 = System.nanoTime();
            check(s, n);
            return t1 - t0;
        }
    }

    private static void check(NetlinkSocket s, int n) throws Exception {
        int bridges = 0;
        for (NlMessage m : s.dump(LinkRequests.dump())) {
            if ("bridge".equals(LinkMessage.decode(m).kind())) {
                bridges++;
            }
        }
        if (bridges != n) {
            throw new IllegalStateException("expected " + n + " bridges, the dump shows " + bridges);
        }
    }

    private static long ipBatch(String ns, int n) throws Exception {
        Path file = Files.createTempFile("vlb-", ".batch");
        try {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append("link add br").append(i).append(" type bridge\n");
            }
            Files.writeString(file, sb);
            long t0 = System.nanoTime();
            run("ip", "-n", ns, "-batch", file.toString());
            return System.nanoTime() - t0;
        } finally {
            Files.delete(file);
        }
    }

    private static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed");
        }
    }
}
