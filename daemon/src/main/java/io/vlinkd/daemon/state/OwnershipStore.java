package io.vlinkd.daemon.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The state file ({@code /var/lib/vlinkd/owned}, overridable): one line per link vlinkd created,
 * {@code link NAME IFINDEX KIND}, and {@code link NAME IFINDEX KIND netns=NS} for a link in the named network
 * namespace NS (a line without {@code netns=}, as every line written before namespaces were managed, is a link of
 * the daemon's own namespace). A store is one namespace's partition of the file ({@link #inNetns}): it loads only
 * that namespace's lines and saves them leaving the other namespaces' lines as they were. Written atomically: a temporary file in the same directory, fsync, rename over
 * the old one, fsync of the directory, so a crash leaves either the old or the new file, never half of one.
 */
public final class OwnershipStore {
    public static final Path DEFAULT = Path.of("/var/lib/vlinkd/owned");
    private static final String HEADER =
            "# vlinkd ownership v1: links vlinkd created (name ifindex kind [netns=NAME])";

    private static final String NETNS_FIELD = "netns=";

    private final Path file;
    /** The named namespace whose lines this store reads and writes; null for the daemon's own. */
    private final String netns;

    public OwnershipStore(Path file) {
        this(file, null);
    }

    private OwnershipStore(Path file, String netns) {
        this.file = file;
        this.netns = netns;
    }

    /** The partition of the same file for the links in named namespace {@code name} (null: the daemon's own). */
    public OwnershipStore inNetns(String name) {
        return new OwnershipStore(file, name);
    }

    /** The named namespace of this partition, or null for the daemon's own. */
    public String netns() {
        return netns;
    }

    /** The named namespaces the file records links in (sorted). */
    public java.util.SortedSet<String> namespaces() throws IOException {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        for (Line l : lines()) {
            if (l.netns() != null) {
                out.add(l.netns());
            }
        }
        return out;
    }

    public Path file() {
        return file;
    }

    /** The recorded ownership of this store's namespace; none when the file does not exist yet. */
    public Ownership load() throws IOException {
        List<OwnedLink> links = new ArrayList<>();
        for (Line l : lines()) {
            if (java.util.Objects.equals(l.netns(), netns)) {
                links.add(l.link());
            }
        }
        return Ownership.of(links);
    }

    /** One parsed line: a link and the named namespace it is in (null: the daemon's own). */
    private record Line(OwnedLink link, String netns) {
    }

    /** Every link line of the file, of every namespace. Malformed lines are an error. */
    private List<Line> lines() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Line> out = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            boolean withNetns = f.length == 5 && f[4].startsWith(NETNS_FIELD) && f[4].length() > NETNS_FIELD.length();
            if (f.length != 4 && !withNetns || !f[0].equals("link")) {
                throw new IOException(file + ":" + n + ": not 'link NAME IFINDEX KIND [netns=NS]': " + line);
            }
            try {
                out.add(new Line(new OwnedLink(f[1], Integer.parseInt(f[2]), f[3]),
                        withNetns ? f[4].substring(NETNS_FIELD.length()) : null));
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + n + ": ifindex is not a number: " + f[2]);
            }
        }
        return out;
    }

    /** Replaces this namespace's lines with {@code ownership}; the other namespaces' lines are kept. */
    public void save(Ownership ownership) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (Line l : lines()) {
            if (!java.util.Objects.equals(l.netns(), netns)) {
                append(sb, l.link(), l.netns());
            }
        }
        for (OwnedLink l : ownership.links()) {
            append(sb, l, netns);
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(true);
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + file + " atomically", e);
        }
        // The rename is durable only once the directory entry is.
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UncheckedIOException e) {
            // Some filesystems refuse fsync on a directory; the rename itself is still atomic.
        }
    }

    private static void append(StringBuilder sb, OwnedLink l, String netns) {
        sb.append("link ").append(l.name()).append(' ').append(l.ifindex()).append(' ').append(l.kind());
        if (netns != null) {
            sb.append(' ').append(NETNS_FIELD).append(netns);
        }
        sb.append('\n');
    }
}
