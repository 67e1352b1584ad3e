package io.vlinkd.systemd.units;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped units, checked by systemd's own tools: they parse cleanly and the hardening scores as promised. */
class UnitFilesTest {
    private static final Path DEB = Path.of("src/deb");
    private static final Path UNITS = DEB.resolve("units");
    /** BRIEF/issue 7: below systemd-networkd's own exposure on this machine. */
    private static final double NETWORKD_EXPOSURE = 2.8;

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", cmd)).isTrue();
        return new Run(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err,
                StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void needSystemdAnalyze() {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")),
                "systemd-analyze is not installed (Debian package systemd): the unit checks need it");
    }

    @Test
    void unitsVerifyWithoutAnyWarning(@TempDir Path root) throws Exception {
        // An image root holding what the units refer to, so verify checks the units and not this machine.
        Path bin = Files.createDirectories(root.resolve("usr/bin"));
        for (String b : List.of("vlinkd", "vlinkctl")) {
            Files.copy(DEB.resolve("bin").resolve(b), bin.resolve(b));
            Files.setPosixFilePermissions(bin.resolve(b), PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Files.createDirectories(root.resolve("bin"));
        Files.copy(Path.of("/bin/kill"), root.resolve("bin/kill"), StandardCopyOption.COPY_ATTRIBUTES);
        Path system = Files.createDirectories(root.resolve("etc/systemd/system"));
        List<String> cmd = new ArrayList<>(List.of("systemd-analyze", "verify", "--man=no", "--root=" + root));
        try (var units = Files.list(UNITS)) {
            for (Path u : units.toList()) {
                Files.copy(u, system.resolve(u.getFileName()));
                cmd.add(u.getFileName().toString());
            }
        }
        Run r = run(cmd.toArray(String[]::new));
        assertThat(r.err()).as("systemd-analyze verify output").isEmpty();
        assertThat(r.exit()).isZero();
    }

    @Test
    void exposureScoreIsBelowNetworkds() throws Exception {
        Run r = run("systemd-analyze", "security", "--offline=yes", "--no-pager",
                UNITS.resolve("vlinkd.service").toString());
        Matcher m = Pattern.compile("Overall exposure level for vlinkd\\.service: (\\d+\\.\\d)").matcher(r.out());
        assertThat(m.find()).as(r.out() + r.err()).isTrue();
        assertThat(Double.parseDouble(m.group(1))).isLessThan(NETWORKD_EXPOSURE);
    }

    @Test
    void serviceHasTheAgreedShape() throws Exception {
        String unit = Files.readString(UNITS.resolve("vlinkd.service"));
        assertThat(unit).contains("Type=notify\n", "ExecReload=", "Restart=on-failure\n", "WatchdogSec=",
                "CapabilityBoundingSet=CAP_NET_ADMIN\n", "AmbientCapabilities=CAP_NET_ADMIN\n",
                "NoNewPrivileges=yes\n", "ProtectSystem=strict\n", "StateDirectory=vlinkd\n",
                "RuntimeDirectory=vlinkd\n", "ConfigurationDirectory=vlinkd\n", "CacheDirectory=vlinkd\n",
                "ProtectHome=yes\n", "PrivateTmp=yes\n", "RestrictAddressFamilies=AF_NETLINK AF_UNIX\n",
                "SystemCallFilter=@system-service\n");
        // The JIT needs W+X memory.
        assertThat(unit.lines().filter(l -> l.startsWith("MemoryDenyWriteExecute"))).isEmpty();
    }

    @Test
    void wrappersLoadTheShippedJffiStub() throws Exception {
        for (String b : List.of("vlinkd", "vlinkctl")) {
            assertThat(Files.readString(DEB.resolve("bin").resolve(b)))
                    .contains("-Djffi.boot.library.path=/usr/lib/vlinkd");
        }
        assertThat(Files.readString(Path.of("pom.xml"))).contains("<prefix>/usr/lib/vlinkd</prefix>");
    }
}
