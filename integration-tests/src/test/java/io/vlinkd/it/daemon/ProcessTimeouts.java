package io.vlinkd.it.daemon;

import java.time.Duration;
import java.util.List;

/**
 * How long a test waits for a vlinkd process, and the JVM flags it starts one with. Under qemu's TCG emulation (the
 * full-kernel lane) a JVM starts and applies 10 to 20 times slower than on hardware, so the lane sets
 * {@code -Dvlinkd.test.timeScale=N} and every wait on a daemon process is multiplied by it; on hardware it is 1.
 */
final class ProcessTimeouts {
    private static final long SCALE = Math.max(1, Long.getLong("vlinkd.test.timeScale", 1));

    /** C1 only and the serial collector: these daemons live for seconds, where C2 and G1 cost more than they give. */
    static final List<String> JVM_FLAGS = List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto");

    private ProcessTimeouts() {
    }

    static Duration scaled(Duration timeout) {
        return timeout.multipliedBy(SCALE);
    }
}
