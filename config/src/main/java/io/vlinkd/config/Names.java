package io.vlinkd.config;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** The kernel's rules for names, checked before the kernel sees them. */
final class Names {
    /** IFNAMSIZ is 16 including the terminating NUL. */
    static final int MAX_INTERFACE_NAME_BYTES = 15;
    /** A named network namespace is a file under /run/netns: NAME_MAX. */
    static final int MAX_NETNS_NAME_BYTES = 255;

    private Names() {
    }

    /**
     * What is wrong with an interface name, as net/core/dev.c dev_valid_name() sees it: empty, longer than 15 bytes,
     * "." or "..", or holding '/', ':' or whitespace.
     */
    static Optional<String> interfaceNameProblem(String name) {
        if (name.isEmpty()) {
            return Optional.of("an interface name cannot be empty");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_INTERFACE_NAME_BYTES) {
            return Optional.of("interface name '" + name + "' is " + bytes + " bytes; the kernel allows at most "
                    + MAX_INTERFACE_NAME_BYTES);
        }
        if (name.equals(".") || name.equals("..")) {
            return Optional.of("'" + name + "' is not a valid interface name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '/' || c == ':' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return Optional.of("interface name '" + Values.printable(name) + "' contains "
                        + (c == '/' || c == ':' ? "'" + c + "'" : "whitespace or a control character")
                        + ", which the kernel refuses");
            }
        }
        return Optional.empty();
    }

    static Optional<String> netnsNameProblem(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")
                || name.chars().anyMatch(Character::isISOControl)) {
            return Optional.of("'" + Values.printable(name) + "' is not a namespace name (a file name under"
                    + " /run/netns)");
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > MAX_NETNS_NAME_BYTES) {
            return Optional.of("a namespace name has at most " + MAX_NETNS_NAME_BYTES + " bytes");
        }
        return Optional.empty();
    }
}
