package io.vlinkd.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Directories, explicit files, lexical order and problems that span files. */
class MergeTest {
    @TempDir
    Path tmp;

    private ConfigFixture fx() {
        return new ConfigFixture(tmp);
    }

    @Test
    void filesAreMergedInLexicalOrder() {
        fx().write("d/20-b.yaml", "interfaces: [{name: b0, kind: dummy}]\n");
        fx().write("d/10-a.yaml", "interfaces: [{name: a0, kind: dummy}]\n");
        fx().write("d/30-c.yaml", "interfaces: [{name: c0, kind: dummy, master: vrf0}, {name: vrf0, kind: vrf,"
                + " vrf: {table: 7}}]\n");
        DesiredState s = fx().valid(tmp.resolve("d"));
        assertThat(s.links()).extracting(DesiredLink::name).containsExactly("a0", "b0", "c0", "vrf0");
        assertThat(s.files()).extracting(p -> p.getFileName().toString())
                .containsExactly("10-a.yaml", "20-b.yaml", "30-c.yaml");
    }

    @Test
    void onlyYamlFilesAreReadAndDotFilesAndConfigMapLinksAreSkipped() {
        fx().write("d/10.yaml", "interfaces: [{name: a0}]\n");
        fx().write("d/10.yaml.bak", "garbage: [\n");
        fx().write("d/.10.yaml.swp.yaml", "garbage: [\n");
        fx().write("d/..data/20.yaml", "garbage: [\n");
        fx().write("d/notes.txt", "hello\n");
        DesiredState s = fx().valid(tmp.resolve("d"));
        assertThat(s.files()).hasSize(1);
    }

    @Test
    void anInterfaceDefinedInTwoFilesNamesBothPlaces() {
        Path a = fx().write("d/10-a.yaml", "interfaces:\n  - name: br0\n    kind: dummy\n");
        Path b = fx().write("d/20-b.yaml", "# later\ninterfaces:\n  - name: eth0\n  - name: br0\n");
        assertThat(fx().problems(tmp.resolve("d"))).containsExactly(
                "20-b.yaml:4:5: interfaces[br0]: interface br0 is defined twice: here and at " + a + ":2:5");
        assertThat(b).exists();
    }

    @Test
    void aReferenceMayPointIntoAnotherFile() {
        fx().write("d/10.yaml", "interfaces: [{name: eth0}]\n");
        fx().write("d/20.yaml", "routes: [{to: default, via: 192.0.2.1, dev: eth0}]\n");
        assertThat(fx().valid(tmp.resolve("d")).routes()).hasSize(1);
    }

    @Test
    void settingsSetInTwoFilesNameBothPlaces() {
        Path a = fx().write("d/10.yaml", "settings: {drift: report}\n");
        fx().write("d/20.yaml", "settings:\n  drift: enforce\n");
        assertThat(fx().problems(tmp.resolve("d"))).containsExactly(
                "20.yaml:2:3: settings.drift: set twice: here and at " + a + ":1:12");
    }

    @Test
    void problemsInSeveralFilesAreAllReportedInFileOrder() {
        fx().write("d/10.yaml", "interfaces: [{name: a0, mtu: 1}]\n");
        fx().write("d/20.yaml", "interfaces: [{name: b0, mtus: 1500}]\n");
        assertThat(fx().problems(tmp.resolve("d"))).containsExactly(
                "10.yaml:1:30: interfaces[a0].mtu: 1 is out of range 68..65535",
                "20.yaml:1:25: interfaces[b0].mtus: unknown key (did you mean 'mtu'?)");
    }

    @Test
    void aFileThatDoesNotParseSuppressesCrossFileChecks() {
        // With 10.yaml unreadable, eth0 is unknown; reporting "no interface eth0" would send the operator the wrong
        // way.
        fx().write("d/10.yaml", "interfaces: [{name: eth0\n");
        fx().write("d/20.yaml", "routes: [{to: default, via: 192.0.2.1, dev: eth0}]\n");
        assertThat(fx().problems(tmp.resolve("d"))).singleElement().asString().startsWith("10.yaml:2:1: yaml: ");
    }

    @Test
    void aMissingDirectoryIsAProblemNotAnEmptyConfig() {
        assertThat(fx().problems(tmp.resolve("no-such-dir"))).containsExactly("no-such-dir:1:1: file: no such file "
                + "or directory (an empty directory is the config that wants nothing)");
    }

    @Test
    void anEmptyDirectoryIsAValidEmptyConfig() {
        fx().write("empty/README", "no yaml here\n");
        assertThat(fx().valid(tmp.resolve("empty")).links()).isEmpty();
        assertThat(((LoadResult.Valid) fx().load(tmp.resolve("empty"))).summary())
                .isEqualTo("0 files, 0 interfaces, 0 routes: valid");
    }

    @Test
    void aMissingExplicitFileIsAProblem() {
        assertThat(fx().problems(tmp.resolve("typo.yaml"))).containsExactly("typo.yaml:1:1: file: no such file");
    }

    @Test
    void explicitFilesAndDirectoriesMixAndAFileGivenTwiceIsReadOnce() {
        Path a = fx().write("d/10.yaml", "interfaces: [{name: eth0}]\n");
        Path extra = fx().write("draft.yml", "interfaces: [{name: eth1, master: eth0}]\n");
        DesiredState s = fx().valid(tmp.resolve("d"), a, extra);
        assertThat(s.files()).hasSize(2);
        assertThat(s.links()).extracting(DesiredLink::name).containsExactly("eth0", "eth1");
    }
}
