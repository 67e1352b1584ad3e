package io.vlinkd.netlink.golden;

import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request captured from iproute2 by {@code scripts/capture-golden}: the {@code ip} command, the setup that ran
 * before it, the ifindex of every link at capture time, iproute2's and the kernel's versions, the kernel's verdict,
 * and the request bytes (sequence number and port id zeroed). Resources live under {@code golden/KIND/CASE.txt}.
 */
public record GoldenFixture(String resource, String command, List<String> setup, Map<String, Integer> ifindex,
                            String iproute2, String kernel, String verdict, byte[] request) {

    public static GoldenFixture load(String resource) {
        String path = resource.startsWith("/") ? resource : "/golden/" + resource;
        try (InputStream in = GoldenFixture.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no golden fixture " + path + " (capture it with scripts/capture-golden)");
            }
            return parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static GoldenFixture parse(String name, String text) {
        String command = null;
        String iproute2 = null;
        String kernel = null;
        String verdict = null;
        List<String> setup = new ArrayList<>();
        Map<String, Integer> ifindex = new LinkedHashMap<>();
        StringBuilder hex = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.startsWith("# command: ")) {
                command = line.substring(11);
            } else if (line.startsWith("# setup: ")) {
                setup.add(line.substring(9));
            } else if (line.startsWith("# ifindex: ")) {
                for (String pair : line.substring(11).trim().split("\\s+")) {
                    if (!pair.isEmpty()) {
                        String[] kv = pair.split("=");
                        ifindex.put(kv[0], Integer.parseInt(kv[1]));
                    }
                }
            } else if (line.startsWith("# iproute2: ")) {
                iproute2 = line.substring(12);
            } else if (line.startsWith("# kernel: ")) {
                kernel = line.substring(10);
            } else if (line.startsWith("# kernel-verdict: ")) {
                verdict = line.substring(18);
            } else if (!line.startsWith("#")) {
                hex.append(line.replaceAll("\\s", ""));
            }
        }
        if (command == null || iproute2 == null || kernel == null || hex.length() == 0) {
            throw new AssertionError(name + ": a fixture needs # command, # iproute2, # kernel and the request hex");
        }
        return new GoldenFixture(name, command, List.copyOf(setup), Map.copyOf(ifindex), iproute2, kernel, verdict,
                HexFormat.of().parseHex(hex));
    }

    /** The captured request, parsed by our parser. */
    public NlMessage message() throws MalformedMessageException {
        return NlMessage.parseOne(request);
    }

    /** Resolves interface names as they were at capture time; unknown names fail the test. */
    public EncodeContext context() {
        return new EncodeContext() {
            @Override
            public int ifindex(String name) {
                Integer i = ifindex.get(name);
                if (i == null) {
                    throw new AssertionError(resource + ": no link " + name + " at capture time: " + ifindex);
                }
                return i;
            }

            @Override
            public int netnsFd(String netns) {
                throw new AssertionError(resource + ": namespace fds differ per run; compare without them");
            }
        };
    }
}
