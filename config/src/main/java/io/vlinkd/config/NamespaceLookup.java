package io.vlinkd.config;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which named network namespaces exist, for the check that every {@code netns:} and {@code peer-netns:} names one
 * (a config naming a namespace that does not exist is refused at validation, located at that key, so nothing of it
 * is applied).
 */
@FunctionalInterface
public interface NamespaceLookup {

    boolean exists(String name);

    /** {@code ip netns add NAME} creates {@code /run/netns/NAME}: the namespaces of this machine. */
    static NamespaceLookup runNetns() {
        return name -> Files.exists(Path.of("/run/netns").resolve(name));
    }

    /** No check: the examples, and configs validated away from the machine they are for. */
    static NamespaceLookup any() {
        return name -> true;
    }
}
