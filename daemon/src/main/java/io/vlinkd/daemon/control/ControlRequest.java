package io.vlinkd.daemon.control;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One request on the control socket: a single line {@code VERB [key=value]...}, e.g.
 * {@code apply confirm-timeout=60}. The verbs and their keys are a closed set; values are tokens without spaces
 * (numbers and words), so no quoting is needed.
 */
public record ControlRequest(String verb, Map<String, String> args) {

    /** Each verb the daemon serves, with the keys it accepts. */
    static final Map<String, Set<String>> VERBS = Map.of(
            "status", Set.of("json"),
            "plan", Set.of("format"),
            "apply", Set.of("confirm-timeout"),
            "confirm", Set.of(),
            "reload", Set.of(),
            "ping", Set.of());

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:/-]+");

    public ControlRequest {
        args = Map.copyOf(args);
    }

    public static ControlRequest of(String verb) {
        return new ControlRequest(verb, Map.of());
    }

    public ControlRequest with(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(args);
        m.put(key, value);
        return new ControlRequest(verb, m);
    }

    public String arg(String key, String otherwise) {
        return args.getOrDefault(key, otherwise);
    }

    /** Parses a request line; the message of the exception is sent back to the client. */
    public static ControlRequest parse(String line) throws ProtocolException {
        if (line == null || line.isBlank()) {
            throw new ProtocolException("empty request");
        }
        String[] words = line.trim().split(" +");
        Set<String> keys = VERBS.get(words[0]);
        if (keys == null) {
            throw new ProtocolException("unknown verb '" + words[0] + "' (known: " + String.join(", ",
                    new java.util.TreeSet<>(VERBS.keySet())) + ")");
        }
        Map<String, String> args = new LinkedHashMap<>();
        for (int i = 1; i < words.length; i++) {
            int eq = words[i].indexOf('=');
            if (eq <= 0) {
                throw new ProtocolException(words[0] + ": argument '" + words[i] + "' is not key=value");
            }
            String k = words[i].substring(0, eq);
            String v = words[i].substring(eq + 1);
            if (!keys.contains(k)) {
                throw new ProtocolException(words[0] + ": unknown argument '" + k + "'");
            }
            if (!TOKEN.matcher(v).matches()) {
                throw new ProtocolException(words[0] + ": bad value for '" + k + "'");
            }
            if (args.put(k, v) != null) {
                throw new ProtocolException(words[0] + ": '" + k + "' given twice");
            }
        }
        return new ControlRequest(words[0], args);
    }

    /** The request as one line (without the newline). */
    public String format() {
        List<String> parts = new ArrayList<>();
        parts.add(verb);
        args.forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(" ", parts);
    }

    /** A malformed request line. */
    public static class ProtocolException extends Exception {
        private static final long serialVersionUID = 1L;

        public ProtocolException(String message) {
            super(message);
        }
    }
}
