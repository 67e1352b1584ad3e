package io.vlinkd.daemon.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VlinkdCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final int[] exit = {-1};

    private VlinkdCommand parse(String... args) {
        return VlinkdCommand.parse(args, new PrintWriter(out, true), new PrintWriter(err, true), exit);
    }

    @Test
    void defaultsAreTheFhsPaths() {
        VlinkdCommand c = parse();
        assertThat(c.paths().configDir()).isEqualTo(Path.of("/etc/vlinkd"));
        assertThat(c.paths().stateDir()).isEqualTo(Path.of("/var/lib/vlinkd"));
        assertThat(c.paths().controlSocket()).isEqualTo(Path.of("/run/vlinkd/control.sock"));
        assertThat(c.logLevel()).isNull();
        assertThat(c.controlGroup()).isEmpty();
        assertThat(c.watch()).isTrue();
    }

    @Test
    void everyPathIsOverridable() {
        VlinkdCommand c = parse("--config-dir", "/cfg", "--state-dir", "/st", "--runtime-dir", "/rt",
                "--log-level", "debug", "--control-group", "netops", "--no-watch");
        assertThat(c.paths().configDir()).isEqualTo(Path.of("/cfg"));
        assertThat(c.paths().stateDir()).isEqualTo(Path.of("/st"));
        assertThat(c.paths().controlSocket()).isEqualTo(Path.of("/rt/control.sock"));
        assertThat(c.logLevel()).isEqualTo("debug");
        assertThat(c.controlGroup()).contains("netops");
        assertThat(c.watch()).isFalse();
    }

    @Test
    void helpExitsZeroAndAnUnknownOptionTwo() {
        assertThat(parse("--help")).isNull();
        assertThat(exit[0]).isZero();
        assertThat(out.toString()).startsWith("Usage: vlinkd").contains("Exit codes:");
        assertThat(parse("--frobnicate")).isNull();
        assertThat(exit[0]).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--frobnicate'");
    }
}
