package io.vlinkd.daemon.control;

import java.util.List;

/** A reply to a control request: lines for vlinkctl's stdout and stderr, and its exit code. */
public record Reply(int exitCode, List<String> out, List<String> err) {
    public Reply {
        out = List.copyOf(out);
        err = List.copyOf(err);
    }

    public static Reply ok(List<String> out) {
        return new Reply(0, out, List.of());
    }

    public static Reply failed(List<String> out, List<String> err) {
        return new Reply(1, out, err);
    }

    public static Reply failed(String err) {
        return new Reply(1, List.of(), List.of(err));
    }
}
