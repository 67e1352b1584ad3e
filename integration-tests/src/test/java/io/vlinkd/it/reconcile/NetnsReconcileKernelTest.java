package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.config.ConfigLoader;
import io.vlinkd.config.DesiredState;
import io.vlinkd.config.LoadOptions;
import io.vlinkd.config.LoadResult;
import io.vlinkd.config.NamespaceLookup;
import io.vlinkd.config.ValidationReport;
import io.vlinkd.daemon.service.ReconcilePort;
import io.vlinkd.daemon.service.ReconcilerBackend;
import io.vlinkd.it.TestNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interfaces in named namespaces ({@code netns:}) and veth peers in another one ({@code peer-netns:}), through the
 * daemon's reconcile port. The run's own namespace is a test namespace ({@code apply --once --netns}), the named
 * one a second test namespace; {@code ip -n} is the oracle.
 */
class NetnsReconcileKernelTest {
    @TempDir
    Path dir;

    TestNamespace own;
    TestNamespace other;
    ReconcilerBackend backend;
    final List<String> log = new ArrayList<>();

    @BeforeEach
    void setUp() {
        Assumptions.assumeTrue(TestNamespace.available(), "needs root and ip netns: runs in the namespace lane");
        own = TestNamespace.create();
        other = TestNamespace.create();
        Assumptions.assumeTrue(own.supportsKind("bridge") && own.supportsKind("veth", "peer", "name", "vlt-probe1"),
                "this kernel lacks bridge or veth");
        backend = new ReconcilerBackend(dir.resolve("state"));
    }

    @AfterEach
    void tearDown() {
        if (other != null) {
            other.close();
        }
        if (own != null) {
            own.close();
        }
    }

    /** The config with {@code OTHER} standing for the second namespace's name, validated as the daemon does. */
    private DesiredState config(String yaml) throws Exception {
        Path f = dir.resolve("10.yaml");
        Files.writeString(f, yaml.replace("OTHER", other.name()));
        LoadResult r = new ConfigLoader(LoadOptions.relaxed(), NamespaceLookup.runNetns()).load(f);
        if (r instanceof LoadResult.Invalid i) {
            throw new AssertionError(ValidationReport.of(i).text());
        }
        return ((LoadResult.Valid) r).state();
    }

    private ReconcilePort.Applied apply(DesiredState d) throws Exception {
        ReconcilePort.Applied a = backend.apply(d, own.name());
        a.events().forEach(e -> log.add(e.line()));
        return a;
    }

    private static List<String> addresses(TestNamespace ns, String dev) {
        List<String> out = new ArrayList<>();
        for (JsonNode link : ns.json("address", "show", "dev", dev)) {
            for (JsonNode a : link.get("addr_info")) {
                if (a.get("family").asText().equals("inet")) {
                    out.add(a.get("local").asText() + "/" + a.get("prefixlen").asInt());
                }
            }
        }
        return out;
    }

    @Test
    void aLinkInANamedNamespaceIsCreatedVerifiedLeftAloneAndDeletedThere() throws Exception {
        DesiredState d = config("""
                interfaces:
                  - name: br-b
                    kind: bridge
                    netns: OTHER
                    mtu: 1400
                    state: up
                    addresses: [192.0.2.1/24]
                """);
        ReconcilePort.Applied a = apply(d);

        assertThat(a.ok()).as(a.summary() + "\n" + log).isTrue();
        assertThat(own.link("br-b")).isNull();
        JsonNode b = other.link("br-b");
        assertThat(b).isNotNull();
        assertThat(b.get("mtu").asInt()).isEqualTo(1400);
        assertThat(b.get("flags").toString()).contains("\"UP\"");
        assertThat(addresses(other, "br-b")).containsExactly("192.0.2.1/24");
        assertThat(Files.readString(backend.ownershipFile(own.name())))
                .contains("link br-b " + b.get("ifindex").asInt() + " bridge netns=" + other.name());

        ReconcilePort.Applied again = apply(d);
        assertThat(again.ok()).isTrue();
        assertThat(again.summary()).isEqualTo("nothing to change: the kernel matches the config");

        ReconcilePort.Applied gone = apply(config("interfaces: []\n"));
        assertThat(gone.ok()).as(gone.summary()).isTrue();
        assertThat(other.link("br-b")).as("deleted in the namespace it lives in").isNull();
        assertThat(gone.events()).extracting(ReconcilePort.Event::line)
                .anyMatch(l -> l.contains("ip -n " + other.name() + " link del"));
    }

    @Test
    void theVethExampleDoesWhatItsCommentsSay() throws Exception {
        String example = Files.readString(Path.of("../examples/veth.yaml"));
        DesiredState d = config(example.replace("peer-netns: blue", "peer-netns: OTHER")
                .replace("netns: blue", "netns: OTHER"));
        ReconcilePort.Applied a = apply(d);
        assertThat(a.ok()).as(a.summary() + "\n" + log).isTrue();

        // ip link add veth-blue address 02:00:00:00:0b:01 type veth peer name eth0-blue address 02:00:00:00:0b:02
        //   netns blue; ip addr add 10.0.10.1/30 dev veth-blue; ip link set veth-blue up
        JsonNode host = own.link("veth-blue");
        assertThat(host.get("address").asText()).isEqualTo("02:00:00:00:0b:01");
        assertThat(host.get("flags").toString()).contains("\"UP\"");
        assertThat(addresses(own, "veth-blue")).containsExactly("10.0.10.1/30");
        // ip -n blue addr add 10.0.10.2/30 dev eth0-blue; ip -n blue link set eth0-blue up
        assertThat(own.link("eth0-blue")).isNull();
        JsonNode peer = other.link("eth0-blue");
        assertThat(peer.get("address").asText()).isEqualTo("02:00:00:00:0b:02");
        assertThat(peer.get("flags").toString()).contains("\"UP\"");
        assertThat(addresses(other, "eth0-blue")).containsExactly("10.0.10.2/30");
        // The route through the peer, and the second pair inside the host with one end in the bridge.
        assertThat(own.json("route", "show", "10.10.0.0/16").toString()).contains("10.0.10.2");
        assertThat(own.link("lab0").get("master").asText()).isEqualTo("br-lab");
        assertThat(own.link("lab0-peer")).isNotNull();

        ReconcilePort.Applied again = apply(d);
        assertThat(again.summary()).isEqualTo("nothing to change: the kernel matches the config");
    }

    @Test
    void aKernelRefusalInTheNamedNamespaceRevertsThePairCreatedForItInTheOwnOne() throws Exception {
        // macvlan_port_create(): a loopback lower device is EINVAL, decided by the kernel, after the own namespace
        // has created the pair whose peer the named namespace configures.
        DesiredState d = config("""
                interfaces:
                  - name: v0
                    kind: veth
                    veth: { peer: v0p, peer-netns: OTHER }
                    state: up
                  - name: v0p
                    netns: OTHER
                    state: up
                    addresses: [10.0.10.2/30]
                  - name: lo
                    netns: OTHER
                  - name: mv0
                    kind: macvlan
                    macvlan: { mode: bridge }
                    link: lo
                    netns: OTHER
                """);
        Assumptions.assumeTrue(own.ipStatus("link", "add", "link", "lo", "vlt-mv", "type", "macvlan") != 0,
                "this kernel takes a macvlan on lo");

        ReconcilePort.Applied a = apply(d);

        assertThat(a.ok()).isFalse();
        assertThat(a.summary()).as(a.summary()).isEqualTo("apply failed: 1 error; every step reverted");
        assertThat(own.link("v0")).as("reverted in the own namespace").isNull();
        assertThat(other.link("v0p")).isNull();
        assertThat(other.link("mv0")).isNull();
        assertThat(Files.exists(backend.ownershipFile(own.name()))
                ? Files.readString(backend.ownershipFile(own.name())) : "").doesNotContainPattern("(?m)^link ");
    }
}
