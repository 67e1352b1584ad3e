package io.vlinkd.it.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** deploy/kubernetes: the manifests parse and say what the README promises (no cluster needed). */
class KubernetesManifestsTest {
    private static final Path DIR = repositoryRoot().resolve(Path.of("deploy", "kubernetes"));

    /**
     * The checkout's root, from where the test classes are ({@code ROOT/integration-tests/target/test-classes}),
     * not from the working directory: the full-kernel lane runs the tests from another one.
     */
    private static Path repositoryRoot() {
        try {
            Path classes = Path.of(KubernetesManifestsTest.class.getProtectionDomain().getCodeSource().getLocation()
                    .toURI());
            return classes.getParent().getParent().getParent();
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load(String file) throws Exception {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(
                Files.readString(DIR.resolve(file)));
    }

    @SuppressWarnings("unchecked")
    private static <T> T at(Object node, String... keys) {
        Object o = node;
        for (String k : keys) {
            assertThat(o).as("parent of %s", k).isInstanceOf(Map.class);
            o = ((Map<String, Object>) o).get(k);
            assertThat(o).as(k).isNotNull();
        }
        return (T) o;
    }

    @Test
    @SuppressWarnings("unchecked")
    void daemonSetRunsOnTheHostNetworkWithNetAdminOnly() throws Exception {
        Map<String, Object> ds = load("daemonset.yaml");
        assertThat(ds).containsEntry("kind", "DaemonSet").containsEntry("apiVersion", "apps/v1");
        Map<String, Object> pod = at(ds, "spec", "template", "spec");
        assertThat(pod).containsEntry("hostNetwork", true);
        List<Map<String, Object>> containers = at(pod, "containers");
        assertThat(containers).hasSize(1);
        Map<String, Object> c = containers.get(0);
        assertThat((String) at(c, "image")).isEqualTo("vlinkd:test");
        Map<String, Object> sc = at(c, "securityContext");
        assertThat((List<String>) at(sc, "capabilities", "add")).containsExactly("NET_ADMIN");
        assertThat((List<String>) at(sc, "capabilities", "drop")).containsExactly("ALL");
        assertThat(sc).containsEntry("readOnlyRootFilesystem", true).containsEntry("privileged", false)
                .containsEntry("allowPrivilegeEscalation", false);
        List<Map<String, Object>> mounts = at(c, "volumeMounts");
        assertThat(mounts).extracting(m -> m.get("mountPath"))
                .contains("/etc/vlinkd", "/var/lib/vlinkd", "/run/vlinkd");
        Map<String, Object> configMount = mounts.stream().filter(m -> "/etc/vlinkd".equals(m.get("mountPath")))
                .findFirst().orElseThrow();
        assertThat(configMount).containsEntry("readOnly", true);
        List<Map<String, Object>> volumes = at(pod, "volumes");
        Map<String, Map<String, Object>> byName = new java.util.HashMap<>();
        volumes.forEach(v -> byName.put((String) v.get("name"), v));
        for (Map<String, Object> m : mounts) {
            assertThat(byName).as("volume of mount %s", m.get("mountPath")).containsKey((String) m.get("name"));
        }
        assertThat((String) at(byName.get(configMount.get("name")), "configMap", "name")).isEqualTo("vlinkd-config");
        assertThat((String) at(byName.get("state"), "hostPath", "path")).isEqualTo("/var/lib/vlinkd");
        assertThat(byName.get("runtime")).containsKey("emptyDir");
    }

    @Test
    @SuppressWarnings("unchecked")
    void configMapHoldsAYamlFileTheDaemonReads() throws Exception {
        Map<String, Object> cm = load("configmap.yaml");
        assertThat(cm).containsEntry("kind", "ConfigMap");
        assertThat((String) at(cm, "metadata", "name")).isEqualTo("vlinkd-config");
        Map<String, Object> data = at(cm, "data");
        assertThat(data).isNotEmpty();
        assertThat(data.keySet()).allMatch(k -> k.endsWith(".yaml"));
        for (Object v : data.values()) {
            Map<String, Object> config = (Map<String, Object>) new Load(LoadSettings.builder().build())
                    .loadFromString((String) v);
            assertThat(config).containsKey("interfaces");
        }
    }
}
