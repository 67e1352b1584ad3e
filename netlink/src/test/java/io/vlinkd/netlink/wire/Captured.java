package io.vlinkd.netlink.wire;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Messages captured from a real kernel by {@code scripts/capture-replies} (resources under {@code /captured/}):
 * one message per hex line, each optionally preceded by a {@code # comment} naming it.
 */
public record Captured(String comment, byte[] bytes) {

    public static List<Captured> load(String file) {
        String path = "/captured/" + file;
        try (InputStream in = Captured.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new AssertionError("no capture " + path + " (make it with scripts/capture-replies)");
            }
            List<Captured> out = new ArrayList<>();
            String comment = null;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("# ")) {
                    comment = line.substring(2);
                } else if (!line.isBlank()) {
                    out.add(new Captured(comment, HexFormat.of().parseHex(line.trim())));
                    comment = null;
                }
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    public NlMessage message() throws MalformedMessageException {
        return NlMessage.parseOne(bytes);
    }

    /** The message whose comment starts with {@code prefix} and ends with {@code suffix}. */
    public static Captured find(List<Captured> all, String prefix, String suffix) {
        return all.stream().filter(c -> c.comment != null && c.comment.startsWith(prefix)
                && c.comment.endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no captured message \"" + prefix + "..." + suffix + "\""));
    }
}
