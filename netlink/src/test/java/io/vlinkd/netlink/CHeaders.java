package io.vlinkd.netlink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the integer constants of C headers, enough for the kernel's uapi headers: object-like {@code #define}s and
 * enum members (implicit and explicit values), with values that are integer expressions over literals (decimal,
 * hex, octal, with U/L suffixes), other constants, parentheses and {@code ~ - + * << >> & ^ |}. Anything else
 * ({@code sizeof}, casts, function-like macros) stays unresolved. A name defined twice (conditional compilation)
 * keeps every value.
 */
public final class CHeaders {
    private static final Pattern DEFINE = Pattern.compile("^\\s*#\\s*define\\s+([A-Za-z_]\\w*)(\\s+(.*))?$");
    private static final Pattern ENUM = Pattern.compile("\\benum\\b[^{;()]*\\{([^}]*)\\}");

    private final Map<String, String> defines = new LinkedHashMap<>();
    private final Map<String, Set<Long>> values = new HashMap<>();

    private CHeaders() {
    }

    /** Parses the files that exist among {@code files}; returns null when none does. */
    public static CHeaders read(List<Path> files) throws IOException {
        CHeaders h = new CHeaders();
        boolean any = false;
        List<String> texts = new ArrayList<>();
        for (Path f : files) {
            if (Files.isRegularFile(f)) {
                any = true;
                texts.add(stripComments(Files.readString(f)));
            }
        }
        if (!any) {
            return null;
        }
        for (String text : texts) {
            h.collectDefines(text);
        }
        // Enums reference defines (GENL_ID_CTRL = NLMSG_MIN_TYPE) and defines reference enum members
        // (#define IFLA_MAX (__IFLA_MAX - 1)): alternate until nothing new resolves.
        for (int round = 0; round < 8; round++) {
            int before = h.size();
            for (String text : texts) {
                h.collectEnums(text);
            }
            h.resolveDefines();
            if (h.size() == before) {
                break;
            }
        }
        return h;
    }

    /** Every value {@code name} has in the headers; empty when it is absent or unresolvable. */
    public Set<Long> values(String name) {
        return values.getOrDefault(name, Set.of());
    }

    /** True when the headers define {@code name} at all (resolvable or not). */
    public boolean mentions(String name) {
        return values.containsKey(name) || defines.containsKey(name);
    }

    private int size() {
        return values.values().stream().mapToInt(Set::size).sum();
    }

    private static String stripComments(String s) {
        String noBlock = s.replaceAll("(?s)/\\*.*?\\*/", " ");
        String noLine = noBlock.replaceAll("//[^\\n]*", "");
        return noLine.replaceAll("\\\\\\n", " ");
    }

    private void collectDefines(String text) {
        for (String line : text.split("\n")) {
            Matcher m = DEFINE.matcher(line);
            if (m.matches() && m.group(3) != null && !line.matches("^\\s*#\\s*define\\s+\\w+\\(.*")) {
                String name = m.group(1);
                String body = m.group(3).trim();
                if (!body.equals(name)) { // #define IFF_UP IFF_UP: the enum member is the value
                    defines.put(name, body);
                }
            }
        }
    }

    private void resolveDefines() {
        for (Map.Entry<String, String> d : defines.entrySet()) {
            Long v = eval(d.getValue());
            if (v != null) {
                values.computeIfAbsent(d.getKey(), k -> new LinkedHashSet<>()).add(v);
            }
        }
    }

    private void collectEnums(String text) {
        Matcher m = ENUM.matcher(text);
        while (m.find()) {
            long next = 0;
            boolean known = true;
            for (String raw : m.group(1).split(",")) {
                StringBuilder kept = new StringBuilder();
                for (String line : raw.split("\n")) {
                    if (!line.trim().startsWith("#")) {
                        kept.append(line).append(' ');
                    }
                }
                String entry = kept.toString().trim();
                if (entry.isEmpty()) {
                    continue;
                }
                String name;
                int eq = entry.indexOf('=');
                if (eq >= 0) {
                    name = entry.substring(0, eq).trim();
                    Long v = eval(entry.substring(eq + 1).trim());
                    known = v != null;
                    next = known ? v : 0;
                } else {
                    name = entry;
                }
                if (!name.matches("[A-Za-z_]\\w*")) {
                    known = false;
                    continue;
                }
                if (known) {
                    values.computeIfAbsent(name, k -> new LinkedHashSet<>()).add(next);
                }
                next++;
            }
        }
    }

    // ---- a small expression evaluator ---------------------------------------------------------------------------

    private Long eval(String expr) {
        try {
            Parser p = new Parser(tokens(expr));
            long v = p.or();
            return p.atEnd() ? v : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("\\s*(0[xX][0-9a-fA-F]+|\\d+|[A-Za-z_]\\w*|<<|>>|[()~+\\-*&|^])[uUlL]*")
                .matcher(s);
        int pos = 0;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                if (s.substring(pos).isBlank()) {
                    break;
                }
                throw new IllegalArgumentException("cannot read " + s);
            }
            out.add(m.group(1));
            pos = m.end();
        }
        return out;
    }

    private final class Parser {
        private final List<String> t;
        private int i;

        Parser(List<String> t) {
            this.t = t;
        }

        boolean atEnd() {
            return i == t.size();
        }

        private boolean take(String op) {
            if (i < t.size() && t.get(i).equals(op)) {
                i++;
                return true;
            }
            return false;
        }

        long or() {
            long v = xor();
            while (take("|")) {
                v |= xor();
            }
            return v;
        }

        long xor() {
            long v = and();
            while (take("^")) {
                v ^= and();
            }
            return v;
        }

        long and() {
            long v = shift();
            while (take("&")) {
                v &= shift();
            }
            return v;
        }

        long shift() {
            long v = sum();
            while (true) {
                if (take("<<")) {
                    v <<= sum();
                } else if (take(">>")) {
                    v >>= sum();
                } else {
                    return v;
                }
            }
        }

        long sum() {
            long v = product();
            while (true) {
                if (take("+")) {
                    v += product();
                } else if (take("-")) {
                    v -= product();
                } else {
                    return v;
                }
            }
        }

        long product() {
            long v = unary();
            while (take("*")) {
                v *= unary();
            }
            return v;
        }

        long unary() {
            if (take("~")) {
                return ~unary();
            }
            if (take("-")) {
                return -unary();
            }
            if (take("+")) {
                return unary();
            }
            if (take("(")) {
                long v = or();
                if (!take(")")) {
                    throw new IllegalArgumentException("unbalanced");
                }
                return v;
            }
            if (i >= t.size()) {
                throw new IllegalArgumentException("truncated");
            }
            String tok = t.get(i++);
            if (tok.matches("0[xX][0-9a-fA-F]+")) {
                return Long.parseLong(tok.substring(2), 16);
            }
            if (tok.matches("0\\d+")) {
                return Long.parseLong(tok, 8);
            }
            if (tok.matches("\\d+")) {
                return Long.parseLong(tok);
            }
            Set<Long> v = values.get(tok);
            if (v == null || v.size() != 1) {
                throw new IllegalArgumentException("unknown " + tok);
            }
            return v.iterator().next();
        }
    }
}
