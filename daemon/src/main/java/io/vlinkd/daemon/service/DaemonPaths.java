package io.vlinkd.daemon.service;

import java.nio.file.Path;

/**
 * The three directories the daemon uses, all overridable (BRIEF.md: a container mounts its config elsewhere).
 *
 * @param configDir  {@code /etc/vlinkd}: the YAML files, read in lexical order
 * @param stateDir   {@code /var/lib/vlinkd}: what vlinkd created (ownership), kept across restarts
 * @param runtimeDir {@code /run/vlinkd}: the control socket
 */
public record DaemonPaths(Path configDir, Path stateDir, Path runtimeDir) {

    public static final String DEFAULT_CONFIG_DIR = "/etc/vlinkd";
    public static final String DEFAULT_STATE_DIR = "/var/lib/vlinkd";
    public static final String DEFAULT_RUNTIME_DIR = "/run/vlinkd";
    public static final String CONTROL_SOCKET_NAME = "control.sock";

    public Path controlSocket() {
        return runtimeDir.resolve(CONTROL_SOCKET_NAME);
    }
}
