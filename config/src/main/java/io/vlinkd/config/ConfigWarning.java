package io.vlinkd.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Something a valid config asks for that will not work as the operator may expect (a macsec interface without
 * keys passes no traffic). A warning rejects nothing: {@code vlinkctl validate} prints it and exits 0, the daemon
 * logs it at start and reload and applies the config. {@link #toString()} is that line:
 * {@code file:line:column: key: warning: message}.
 */
public record ConfigWarning(SourceLocation where, String key, String message) {

    /** One warning for each interface whose kind has a caveat, at the interface's entry, in config order. */
    public static List<ConfigWarning> of(DesiredState state) {
        List<ConfigWarning> out = new ArrayList<>();
        for (DesiredLink l : state.links()) {
            if (l.link().kind() != null) {
                l.link().kind().caveat().ifPresent(c -> out.add(new ConfigWarning(l.where(),
                        "interfaces[" + l.name() + "].kind", l.link().kind().name() + ": " + c)));
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return where + ": " + key + ": warning: " + message;
    }
}
