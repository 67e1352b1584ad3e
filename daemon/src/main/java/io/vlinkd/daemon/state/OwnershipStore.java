package io.vlinkd.daemon.state;

import io.vlinkd.netlink.kind.IpText;
import io.vlinkd.netlink.kind.LinkKinds;
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
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger ({@code /var/lib/vlinkd/owned}, overridable): what vlinkd created, one line per object after a
 * versioned header.
 * <pre>
 * # vlinkd ownership v1
 * link NAME IFINDEX KIND [netns=NS]     a link vlinkd created
 * intent NAME KIND AFTER [netns=NS]     a link vlinkd is creating (written before the request; {@link LinkIntent})
 * route DST/LEN TABLE METRIC [netns=NS] a route vlinkd installed ({@link OwnedRoute})
 * address LINK IFINDEX ADDR/LEN [netns=NS]  an address vlinkd added to link LINK ({@link OwnedAddress})
 * </pre>
 * A file written before route and address lines existed loads as before: it records no route and no address
 * (the reconciler then claims those the config lists, and addresses carrying vlinkd's IFA_PROTO mark on owned
 * links).
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
            + ": link NAME IFINDEX KIND [netns=NS] (created), intent NAME KIND AFTER [netns=NS] (being created), "
            + "route DST/LEN TABLE METRIC [netns=NS], address LINK IFINDEX ADDR/LEN [netns=NS]";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private static final String NETNS_FIELD = "netns=";

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
     * One intact line: a link, an intent, a route or an address (one of them), and the named namespace it is in
     * (null: the daemon's own).
     */
    private record Entry(OwnedLink link, LinkIntent intent, OwnedRoute route, OwnedAddress address, String netns) {
        Entry(OwnedLink link, LinkIntent intent, String netns) {
            this(link, intent, null, null, netns);
        }
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
                            + "this) until the config names them with adopt: true; addresses carrying vlinkd's "
                            + "IFA_PROTO mark on its links, and routes with its protocol exactly as configured, are "
                            + "still vlinkd's",
                    file, String.join("; ", r.damage()), copy, r.ownership().links().size()
                            + r.ownership().intents().size() + r.ownership().routes().size()
                            + r.ownership().addresses().size(), names(r.ownership()),
                    r.lost().isEmpty() ? "whatever the unreadable part named" : String.join(", ", r.lost())
                            + " and whatever an unreadable part named");
        }
        return r.ownership();
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
        List<OwnedRoute> routes = new ArrayList<>();
        List<OwnedAddress> addresses = new ArrayList<>();
        for (Entry e : p.entries()) {
            if (java.util.Objects.equals(e.netns(), netns)) {
                if (e.link() != null) {
                    links.add(e.link());
                } else if (e.intent() != null) {
                    intents.add(e.intent());
                } else if (e.route() != null) {
                    routes.add(e.route());
                } else {
                    addresses.add(e.address());
                }
            }
        }
        return new Reading(Ownership.of(links, intents).withRoutes(routes).withAddresses(addresses), p.damage(),
                p.lost());
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
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            key = List.of(String.valueOf(a.fileKey()), a.size(), a.lastModifiedTime());
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
        if (f.length >= 2 && (f[0].equals("link") || f[0].equals("intent")) && checkName(f[1]) == null) {
            lost.add(f[1]);
        }
    }

    /** Parses one line into {@code entries}; the problem when it is not a valid line. */
    private static String parse(String line, List<Entry> entries) {
        String[] f = line.split(" ", -1);
        String ns = null;
        if (f.length == 5 && f[4].startsWith(NETNS_FIELD) && f[4].length() > NETNS_FIELD.length()
                && !f[4].contains("/")) {
            ns = f[4].substring(NETNS_FIELD.length());
            f = java.util.Arrays.copyOf(f, 4);
        }
        switch (f[0]) {
            case "link" -> {
                if (f.length != 4) {
                    return "not 'link NAME IFINDEX KIND [netns=NS]'";
                }
                String bad = checkName(f[1]);
                if (bad == null) {
                    bad = checkKind(f[3]);
                }
                int index = number(f[2]);
                if (bad == null && index <= 0) {
                    bad = "ifindex is not a positive number";
                }
                if (bad != null) {
                    return bad;
                }
                entries.add(new Entry(new OwnedLink(f[1], index, f[3]), null, ns));
                return null;
            }
            case "intent" -> {
                if (f.length != 4) {
                    return "not 'intent NAME KIND AFTER [netns=NS]'";
                }
                String bad = checkName(f[1]);
                if (bad == null) {
                    bad = checkKind(f[2]);
                }
                int after = number(f[3]);
                if (bad == null && after < 0) {
                    bad = "AFTER is not a number";
                }
                if (bad != null) {
                    return bad;
                }
                entries.add(new Entry(null, new LinkIntent(f[1], f[2], after), ns));
                return null;
            }
            case "route" -> {
                if (f.length != 4) {
                    return "not 'route DST/LEN TABLE METRIC [netns=NS]'";
                }
                Prefix dst = prefix(f[1]);
                long table = u32(f[2]);
                long metric = u32(f[3]);
                if (dst == null) {
                    return "DST/LEN is not an address with a prefix length";
                }
                if (table <= 0 || metric < 0) {
                    return table <= 0 ? "TABLE is not a positive number" : "METRIC is not a number";
                }
                entries.add(new Entry(null, null, new OwnedRoute(dst.address(), dst.length(), table, metric), null,
                        ns));
                return null;
            }
            case "address" -> {
                if (f.length != 4) {
                    return "not 'address LINK IFINDEX ADDR/LEN [netns=NS]'";
                }
                String bad = checkName(f[1]);
                int index = number(f[2]);
                Prefix a = prefix(f[3]);
                if (bad == null && index <= 0) {
                    bad = "ifindex is not a positive number";
                }
                if (bad == null && a == null) {
                    bad = "ADDR/LEN is not an address with a prefix length";
                }
                if (bad != null) {
                    return bad;
                }
                entries.add(new Entry(null, null, null, new OwnedAddress(f[1], index, a.address(), a.length()), ns));
                return null;
            }
            default -> {
                return "unknown line type '" + f[0] + "'";
            }
        }
    }

    private record Prefix(java.net.InetAddress address, int length) {
    }

    /**
     * {@code ADDR/LEN} as this store writes it ({@link IpText#format}); null for anything else. Only literals
     * reach {@link java.net.InetAddress#getByName} (checked characters, and the text must read back the same), so
     * no name is ever looked up.
     */
    private static Prefix prefix(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || !text.substring(0, slash).matches("[0-9a-f:.]{2,45}")
                || !(text.contains(":") || text.substring(0, slash).split("\\.", -1).length == 4)) {
            return null;
        }
        int len = number(text.substring(slash + 1));
        try {
            java.net.InetAddress a = java.net.InetAddress.getByName(text.substring(0, slash));
            int bits = a.getAddress().length * 8;
            if (len < 0 || len > bits || !IpText.format(a).equals(text.substring(0, slash))) {
                return null;
            }
            return new Prefix(a, len);
        } catch (java.net.UnknownHostException e) {
            return null;
        }
    }

    private static String format(java.net.InetAddress a, int length) {
        return IpText.format(a) + "/" + length;
    }

    /** As net/core/dev.c dev_valid_name(): 1 to 15 bytes, not "." or "..", no '/', ':' or whitespace. */
    private static String checkName(String name) {
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes == 0 || bytes > 15 || name.equals(".") || name.equals("..")
                || name.chars().anyMatch(c -> c == '/' || c == ':' || Character.isWhitespace(c) || c < 0x20)) {
            return "not an interface name";
        }
        return null;
    }

    private static String checkKind(String kind) {
        return LinkKinds.byName(kind).isPresent() ? null : "unknown kind '" + kind + "'";
    }

    /** One to ten decimal digits (without a regular expression: thousands of lines are read per reconcile). */
    private static boolean digits(String s) {
        if (s.isEmpty() || s.length() > 10) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** A u32 (route tables and metrics); -1 when not one. */
    private static long u32(String s) {
        if (!digits(s)) {
            return -1;
        }
        long v = Long.parseLong(s);
        return v > 0xffffffffL ? -1 : v;
    }

    private static int number(String s) {
        if (!digits(s)) {
            return -1;
        }
        long v = Long.parseLong(s);
        return v > Integer.MAX_VALUE ? -1 : (int) v;
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
        if (e.route() != null) {
            OwnedRoute r = e.route();
            sb.append("route ").append(format(r.dst(), r.prefixLength())).append(' ').append(r.table()).append(' ')
                    .append(r.metric());
            netns(sb, e.netns());
        } else if (e.address() != null) {
            OwnedAddress a = e.address();
            sb.append("address ").append(a.link()).append(' ').append(a.ifindex()).append(' ')
                    .append(format(a.address(), a.prefixLength()));
            netns(sb, e.netns());
        } else {
            append(sb, e.link(), e.intent(), e.netns());
        }
    }

    private static void netns(StringBuilder sb, String netns) {
        if (netns != null) {
            sb.append(' ').append(NETNS_FIELD).append(netns);
        }
        sb.append('\n');
    }

    private static void append(StringBuilder sb, OwnedLink l, LinkIntent i, String netns) {
        if (l != null) {
            sb.append("link ").append(l.name()).append(' ').append(l.ifindex()).append(' ').append(l.kind());
        } else {
            sb.append("intent ").append(i.name()).append(' ').append(i.kind()).append(' ').append(i.after());
        }
        if (netns != null) {
            sb.append(' ').append(NETNS_FIELD).append(netns);
        }
        sb.append('\n');
    }

    /** Replaces this namespace's lines with {@code ownership}; the other namespaces' intact lines are kept. */
    public void save(Ownership ownership) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER_TEXT).append('\n');
        for (Entry e : parse().entries()) {
            if (!java.util.Objects.equals(e.netns(), netns)) {
                append(sb, e);
            }
        }
        for (OwnedLink l : ownership.links()) {
            append(sb, l, null, netns);
        }
        for (LinkIntent i : ownership.intents()) {
            append(sb, null, i, netns);
        }
        for (OwnedRoute r : ownership.routes()) {
            append(sb, new Entry(null, null, r, null, netns));
        }
        for (OwnedAddress a : ownership.addresses()) {
            append(sb, new Entry(null, null, null, a, netns));
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
