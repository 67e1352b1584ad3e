package io.vlinkd.config;

import java.util.Optional;

/**
 * One entry of {@code routes} before the config-wide checks.
 *
 * @param route    the validated route, empty when the entry had problems
 * @param identity what the kernel keys a route by (destination, table, metric), for duplicate detection
 * @param dev      the {@code dev} reference, checked against the config's interfaces
 */
record RouteEntry(Optional<DesiredRoute> route, SourceLocation where, String path, Optional<String> identity,
                  Optional<Reference> dev) {
}
