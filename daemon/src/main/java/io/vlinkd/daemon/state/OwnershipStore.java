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
 * {@code link NAME IFINDEX KIND}. Written atomically: a temporary file in the same directory, fsync, rename over
 * the old one, fsync of the directory, so a crash leaves either the old or the new file, never half of one.
 */
public final class OwnershipStore {
    public static final Path DEFAULT = Path.of("/var/lib/vlinkd/owned");
    private static final String HEADER = "# vlinkd ownership v1: links vlinkd created (name ifindex kind)";

    private final Path file;

    public OwnershipStore(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    /** The recorded ownership; none when the file does not exist yet. Malformed lines are an error. */
    public Ownership load() throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Ownership.none();
        }
        List<OwnedLink> links = new ArrayList<>();
        int n = 0;
        for (String line : lines) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(" ");
            if (f.length != 4 || !f[0].equals("link")) {
                throw new IOException(file + ":" + n + ": not 'link NAME IFINDEX KIND': " + line);
            }
            try {
                links.add(new OwnedLink(f[1], Integer.parseInt(f[2]), f[3]));
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + n + ": ifindex is not a number: " + f[2]);
            }
        }
        return Ownership.of(links);
    }

    public void save(Ownership ownership) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (OwnedLink l : ownership.links()) {
            sb.append("link ").append(l.name()).append(' ').append(l.ifindex()).append(' ').append(l.kind())
                    .append('\n');
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
}
