package io.vlinkd.daemon.service;

import io.vlinkd.config.DesiredState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The daemon's own state at one moment, for {@code vlinkctl status}.
 *
 * @param confirmDeadline when an unconfirmed apply will be rolled back, if one waits
 * @param lastErrors      the last error of each interface in the last converge, by interface name
 */
public record StatusReport(String version, Path configDir, Instant startedAt, String configSummary,
                           Daemon.Outcome last, Optional<Instant> confirmDeadline, DesiredState running,
                           Map<String, String> lastErrors) {
}
