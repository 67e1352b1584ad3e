package io.vlinkd.daemon.state;

import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import io.vlinkd.daemon.resource.link.LinkIntent;
import io.vlinkd.daemon.resource.link.OwnedLink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger ({@code /var/lib/vlinkd/owned}, overridable): what vlinkd created, one line per object after a
 * versioned header.
 * <pre>
 * # vlinkd ownership v1
 * link NAME IFINDEX KIND [netns=NS]     a link vlinkd created
 * intent NAME KIND AFTER [netns=NS]     a link vlinkd is creating (written before the request; {@link LinkIntent})
 * WORD FIELDS [netns=NS]                an object of the {@link ResourceType} whose ledger word is WORD
 * </pre>
 * Each resource type of {@link ResourceTypes#IN_LEDGER} writes and reads its own lines
 * ({@link ResourceType#ledgerWord}, {@link ResourceType#ledgerFields}): {@code route DST/LEN TABLE METRIC} (a route
 * vlinkd installed), {@code address LINK IFINDEX ADDR/LEN} (an address vlinkd added to link LINK). A file written
 * before a type's lines existed loads as before: it records none of its objects (the reconciler then claims those
 * the type claims: the routes and addresses the config lists, and addresses carrying vlinkd's IFA_PROTO mark on
 * owned links).
 * {@code netns=NS} puts the line in the named network namespace NS; a line without it (as every line written
 * before namespaces were managed) is of the daemon's own namespace. A store is one namespace's partition of the
 * file ({@link #inNetns}): it loads only that namespace's lines and saves them leaving the others' as they were.
 * Written atomically: a temporary file in the same directory, fsync, rename over the old one, fsync of the
 * directory, so a crash leaves either the old or the new file, never half of one. A new line type may be added
 * under the same version (an older daemon reports it as damage and keeps a copy, it never deletes because of it);
 * the version changes only when the meaning of an existing line does.
 *
 * <p>Every load validates the file: the header, every line's type and fields, known kinds, and a final newline
 * (a file cut short by a full disk or a copy ends mid-line). A damaged file is never an error that stops the
 * daemon: {@link #load()} returns what the intact lines say, and {@link #loadAndRepair()} also logs the damage
 * once (file, line, what is wrong), keeps a copy ({@code owned.damaged-TIMESTAMP}) and rewrites the file from the
 * intact lines. Links that only a damaged line named are no longer owned: vlinkd leaves them alone (never deletes
 * them) until the config names them with {@code adopt: true}. Addresses and routes are rebuilt from the kernel's
 * marks where they exist (the reconciler's {@code Claims}): an address with vlinkd's IFA_PROTO on an owned link, a
 * route with vlinkd's protocol exactly as configured.
 */
public final class OwnershipStore {
    private static final Logger LOG = LoggerFactory.getLogger(OwnershipStore.class);
    public static final Path DEFAULT = Path.of("/var/lib/vlinkd/owned");
    static final String HEADER = "# vlinkd ownership v1";
    private static final String HEADER_TEXT = HEADER
            + ": " + OwnedLink.LEDGER_WORD + " " + OwnedLink.LEDGER_FIELDS + " [netns=NS] (created), "
            + LinkIntent.LEDGER_WORD + " " + LinkIntent.LEDGER_FIELDS + " [netns=NS] (being created), "
            + String.join(", ", ResourceTypes.IN_LEDGER.stream()
                    .map(t -> t.ledgerWord() + " " + t.ledgerFields() + " [netns=NS]").toList());
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final String NETNS_FIELD = "netns=";

    /** A resource type's line form: how many fields follow its word, and the damage when they are not as many. */
    private record LineForm(ResourceType<?, ?, ?, ?> type, int fields, String malformed) {
    }

    /** The line form of each resource type, by its ledger word (looked up once per line). */
    private static final Map<String, LineForm> FORMS = new HashMap<>();

    static {
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.IN_LEDGER) {
            FORMS.put(t.ledgerWord(), new LineForm(t, t.ledgerFields().split(" ").length,
                    "not '" + t.ledgerWord() + " " + t.ledgerFields() + " [netns=NS]'"));
        }
    }

    /** What every type takes back without its ledger lines, as the damage log line says it. */
    private static final String CLAIMED_WITHOUT_LEDGER = String.join(", and ", ResourceTypes.ALL.stream()
            .map(ResourceType::claimedWithoutLedger).toList());

    private final Path file;
    private final Clock clock;
    /** The named namespace whose lines this store reads and writes; null for the daemon's own. */
    private final String netns;

    public OwnershipStore(Path file) {
        this(file, Clock.systemUTC());
    }

    OwnershipStore(Path file, Clock clock) {
        this(file, clock, null);
    }

    private OwnershipStore(Path file, Clock clock, String netns) {
        this.file = file;
        this.clock = clock;
        this.netns = netns;
    }

    /** The partition of the same file for the links in named namespace {@code name} (null: the daemon's own). */
    public OwnershipStore inNetns(String name) {
        return new OwnershipStore(file, clock, name);
    }

    /** The named namespace of this partition, or null for the daemon's own. */
    public String netns() {
        return netns;
    }

    /** The named namespaces the file records links in (sorted). */
    public java.util.SortedSet<String> namespaces() throws IOException {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        for (Entry e : parse().entries()) {
            if (e.netns() != null) {
                out.add(e.netns());
            }
        }
        return out;
    }

    /**
     * One intact line: an {@link OwnedLink}, a {@link LinkIntent} ({@code type} null) or a line of resource type
     * {@code type} (as its {@link ResourceType#readLine} read it), and the named namespace it is in (null: the
     * daemon's own).
     */
    private record Entry(ResourceType<?, ?, ?, ?> type, Object line, String netns) {
    }

    /** The whole file: its intact entries of every namespace, what is wrong, names on damaged lines. */
    private record Parsed(List<Entry> entries, List<String> damage, List<String> lost) {
        Parsed {
            entries = List.copyOf(entries); // kept between reads (see lastParsed): never changed by a reader
            damage = List.copyOf(damage);
            lost = List.copyOf(lost);
        }
    }

    public Path file() {
        return file;
    }

    /**
     * One reading of the file: what its intact lines say, what is wrong with the others, and the names the damaged
     * lines still show (the links that are no longer owned because of the damage, as far as they can be read).
     */
    public record Reading(Ownership ownership, List<String> damage, List<String> lost) {
        Reading(Ownership ownership, List<String> damage) {
            this(ownership, damage, List.of());
        }

        public boolean damaged() {
            return !damage.isEmpty();
        }
    }

    /**
     * The recorded ownership (none when the file does not exist yet); on damage, what the intact lines say. Reads
     * only: the status view and the drift watcher use this; the reconciler repairs ({@link #loadAndRepair()}).
     */
    public Ownership load() throws IOException {
        return read().ownership();
    }

    /**
     * As {@link #load()}; a damaged file is also reported (one log line naming the file and each bad line), kept
     * as {@code NAME.damaged-TIMESTAMP} and rewritten from its intact lines, so the next load is clean and the
     * damage is said once.
     */
    public Ownership loadAndRepair() throws IOException {
        Reading r = read();
        if (r.damaged()) {
            Path copy = file.resolveSibling(file.getFileName() + ".damaged-" + STAMP.format(clock.instant()));
            Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
            save(r.ownership());
            LOG.error("{}: the ownership ledger is damaged ({}); a copy is kept as {}; kept {} intact record(s): {}; "
                            + "no longer owned: {}: vlinkd leaves such links alone (nothing is deleted because of "
                            + "this) until the config names them with adopt: true; {}, are still vlinkd's",
                    file, String.join("; ", r.damage()), copy, count(r.ownership()), names(r.ownership()),
                    r.lost().isEmpty() ? "whatever the unreadable part named" : String.join(", ", r.lost())
                            + " and whatever an unreadable part named", CLAIMED_WITHOUT_LEDGER);
        }
        return r.ownership();
    }

    /** The records of {@code o}: links, intents and the lines of every type. */
    private static int count(Ownership o) {
        int n = o.links().size() + o.intents().size();
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.IN_LEDGER) {
            n += o.lines(t).size();
        }
        return n;
    }

    private static String names(Ownership o) {
        List<String> out = new ArrayList<>();
        o.links().forEach(l -> out.add(l.name()));
        o.intents().forEach(i -> out.add(i.name() + " (being created)"));
        return out.isEmpty() ? "none" : String.join(", ", out);
    }

    /** Reads and validates the file; the ownership is this store's namespace's. */
    public Reading read() throws IOException {
        Parsed p = parse();
        List<OwnedLink> links = new ArrayList<>();
        List<LinkIntent> intents = new ArrayList<>();
        Map<ResourceType<?, ?, ?, ?>, List<Object>> lines = new HashMap<>();
        for (Entry e : p.entries()) {
            if (java.util.Objects.equals(e.netns(), netns)) {
                if (e.type() != null) {
                    lines.computeIfAbsent(e.type(), t -> new ArrayList<>()).add(e.line());
                } else if (e.line() instanceof OwnedLink l) {
                    links.add(l);
                } else {
                    intents.add((LinkIntent) e.line());
                }
            }
        }
        return new Reading(Ownership.of(links, intents).withRead(lines), p.damage(), p.lost());
    }

    /**
     * The ledger as last parsed, and the file it was parsed from (inode, size, modification time): every save
     * replaces the file by a rename, so the same key means the same content. The daemon reads the ledger at every
     * reconcile and at every notification that could be drift; with thousands of links, parsing it each time was
     * most of a drift repair's time.
     */
    private Parsed lastParsed;
    private Object lastKey;

    private Parsed parse() throws IOException {
        Object key;
        try {
            key = key(file);
        } catch (NoSuchFileException e) {
            return new Parsed(List.of(), List.of(), List.of());
        }
        synchronized (this) {
            if (key.equals(lastKey)) {
                return lastParsed;
            }
        }
        Parsed p = parseFile();
        synchronized (this) {
            lastParsed = p;
            lastKey = key;
        }
        return p;
    }

    /** What identifies one content of the file: every save replaces it by a rename. */
    private static Object key(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime());
    }

    private Parsed parseFile() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Parsed(List.of(), List.of(), List.of());
        }
        List<String> damage = new ArrayList<>();
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            damage.add(file + ": not text (" + bytes.length + " bytes, not UTF-8)");
            return new Parsed(List.of(), damage, List.of());
        }
        if (text.isEmpty()) {
            damage.add(file + ": empty (a written ledger has at least its header)");
            return new Parsed(List.of(), damage, List.of());
        }
        String[] lines = text.split("\n", -1);
        // split keeps a last empty element after a final newline; without one the last line was cut short.
        int count = lines.length - 1;
        if (!lines[count].isEmpty()) {
            damage.add(file + ":" + lines.length + ": cut short (no newline at the end): " + quote(lines[count]));
        }
        if (!lines[0].equals(HEADER) && !lines[0].startsWith(HEADER + ":")) {
            damage.add(file + ":1: not a vlinkd ownership v1 header: " + quote(lines[0]));
            // Without the header nothing in the file can be trusted to mean what this daemon reads into it.
            return new Parsed(List.of(), damage, List.of());
        }
        List<Entry> entries = new ArrayList<>();
        List<String> lost = new ArrayList<>();
        if (!lines[count].isEmpty()) {
            lostName(lines[count], lost);
        }
        for (int n = 1; n < count; n++) {
            String line = lines[n];
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String problem = parse(line, entries);
            if (problem != null) {
                damage.add(file + ":" + (n + 1) + ": " + problem + ": " + quote(line));
                lostName(line, lost);
            }
        }
        return new Parsed(entries, damage, lost);
    }

    /** The name a damaged {@code link}/{@code intent} line still shows, if it is a valid one. */
    private static void lostName(String line, List<String> lost) {
        String[] f = line.split(" ", -1);
        if (f.length >= 2 && (f[0].equals(OwnedLink.LEDGER_WORD) || f[0].equals(LinkIntent.LEDGER_WORD))
                && LedgerFields.checkName(f[1]) == null) {
            lost.add(f[1]);
        }
    }

    /** Parses one line into {@code entries}; the problem when it is not a valid line. */
    private static String parse(String line, List<Entry> entries) {
        String[] f = line.split(" ", -1);
        return switch (f[0]) {
            case OwnedLink.LEDGER_WORD, LinkIntent.LEDGER_WORD -> parseLink(f, entries);
            default -> {
                LineForm form = FORMS.get(f[0]);
                yield form == null ? "unknown line type '" + f[0] + "'" : parse(form, f, entries);
            }
        };
    }

    /** The named namespace of a line of {@code fields} fields after its word that ends in {@code netns=NS}. */
    private static String netns(String[] f, int fields) {
        String last = f[f.length - 1];
        if (f.length == fields + 2 && last.startsWith(NETNS_FIELD) && last.length() > NETNS_FIELD.length()
                && !last.contains("/")) {
            return last.substring(NETNS_FIELD.length());
        }
        return null;
    }

    /** A line of a resource type: {@code f} is the line split at spaces, its word first. */
    private static String parse(LineForm form, String[] f, List<Entry> entries) {
        String ns = netns(f, form.fields());
        if (f.length != form.fields() + (ns == null ? 1 : 2)) {
            return form.malformed();
        }
        try {
            entries.add(new Entry(form.type(), form.type().readLine(f), ns));
            return null;
        } catch (LedgerFields.BadLine e) {
            return e.getMessage();
        }
    }

    /** A link or intent line: {@code f} is the line split at spaces, its word first. */
    private static String parseLink(String[] f, List<Entry> entries) {
        String ns = netns(f, 3);
        if (ns != null) {
            f = java.util.Arrays.copyOf(f, 4);
        }
        boolean link = f[0].equals(OwnedLink.LEDGER_WORD);
        if (f.length != 4) {
            return "not '" + f[0] + " " + (link ? OwnedLink.LEDGER_FIELDS : LinkIntent.LEDGER_FIELDS)
                    + " [netns=NS]'";
        }
        try {
            entries.add(new Entry(null, link ? OwnedLink.readLine(f) : LinkIntent.readLine(f), ns));
            return null;
        } catch (LedgerFields.BadLine e) {
            return e.getMessage();
        }
    }

    /** A line as it may be logged: control characters escaped, at most 80 characters. */
    private static String quote(String line) {
        StringBuilder sb = new StringBuilder("'");
        CharBuffer cb = CharBuffer.wrap(line);
        while (cb.hasRemaining() && sb.length() < 81) {
            char c = cb.get();
            sb.append(c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : String.valueOf(c));
        }
        return sb.append(cb.hasRemaining() ? "...'" : "'").toString();
    }

    private static void append(StringBuilder sb, Entry e) {
        if (e.type() != null) {
            append(sb, e.type(), e.line());
        } else if (e.line() instanceof OwnedLink l) {
            sb.append(OwnedLink.LEDGER_WORD).append(' ');
            l.writeLine(sb);
        } else {
            sb.append(LinkIntent.LEDGER_WORD).append(' ');
            ((LinkIntent) e.line()).writeLine(sb);
        }
        if (e.netns() != null) {
            sb.append(' ').append(NETNS_FIELD).append(e.netns());
        }
        sb.append('\n');
    }

    private static <L> void append(StringBuilder sb, ResourceType<?, ?, ?, L> type, Object line) {
        @SuppressWarnings("unchecked") // an Entry of type holds what type.readLine returned, or a line of type's
        L l = (L) line;
        sb.append(type.ledgerWord()).append(' ');
        type.writeLine(l, sb);
    }

    /** Replaces this namespace's lines with {@code ownership}; the other namespaces' intact lines are kept. */
    public void save(Ownership ownership) throws IOException {
        write(ownership, true);
    }

    /**
     * {@link #save} of a ledger with the intents written before a wave of creations ({@code WriteAhead}), replaced
     * atomically as every save is but not synced to the disk: the creation request waits for it, and the intents
     * need only outlive this process. A kill leaves the renamed file in the page cache for the next start to read;
     * a power loss or a kernel crash takes the links the intents were to claim along (links do not outlive the
     * kernel), so an intent lost with it, or a file found damaged after it (which is logged and repaired, never
     * fatal), claims nothing that exists. The save after the wave is synced as every other.
     */
    public void saveIntents(Ownership ownership) throws IOException {
        write(ownership, false);
    }

    private void write(Ownership ownership, boolean sync) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (Entry e : parse().entries()) {
            if (!java.util.Objects.equals(e.netns(), netns)) {
                entries.add(e);
            }
        }
        for (OwnedLink l : ownership.links()) {
            entries.add(new Entry(null, l, netns));
        }
        for (LinkIntent i : ownership.intents()) {
            entries.add(new Entry(null, i, netns));
        }
        for (ResourceType<?, ?, ?, ?> t : ResourceTypes.IN_LEDGER) {
            for (Object line : ownership.lines(t)) {
                entries.add(new Entry(t, line, netns));
            }
        }
        StringBuilder sb = new StringBuilder(HEADER_TEXT).append('\n');
        entries.forEach(e -> append(sb, e));
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer b = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            if (sync) {
                ch.force(true);
            }
        }
        // What was written is what the file parses into: the next load or save (the next repair's) need not parse
        // it again. The key is the temporary file's, which the rename keeps (inode, size, modification time).
        Object key = key(tmp);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot replace " + file + " atomically", e);
        }
        synchronized (this) {
            lastParsed = new Parsed(entries, List.of(), List.of());
            lastKey = key;
        }
        if (!sync) {
            return;
        }
        // The rename is durable only once the directory entry is.
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UncheckedIOException e) {
            // Some filesystems refuse fsync on a directory; the rename itself is still atomic.
        }
    }
}
