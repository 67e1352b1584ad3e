package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.NetlinkKernelPort;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.it.TestNamespace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 12.4 on the real kernel: a change of a route's non-key attributes (via, scope, onlink, mtu, src, type,
 * pref) is one NLM_F_REPLACE of vlinkd's route, for both families; {@code ip -j route} is the oracle.
 */
class RouteChangeKernelTest {
    @RegisterExtension
    final KernelFixture fixture = new KernelFixture();

    private static final String LINKS = """
            interfaces:
              - name: br0
                kind: bridge
                state: up
                addresses: [192.0.2.1/24, 192.0.2.2/24, "2001:db8:1::1/64"]
            routes:
            """;

    @Test
    void nonKeyChangesReplaceVlinkdsRoutesInPlace() throws Exception {
        TestNamespace ns = fixture.freshNamespaceWith("bridge");
        NetlinkKernelPort port = fixture.open();
        Reconciler reconciler = fixture.reconciler(port);
        String before = LINKS + """
                  - { to: 198.51.100.0/24, via: 192.0.2.254, dev: br0 }
                  - { to: 203.0.113.0/24, dev: br0 }
                  - { to: 198.18.0.0/24, type: blackhole }
                  - { to: "2001:db8:5::/48", via: "2001:db8:1::fe", dev: br0, pref: high }
                """;
        ApplyResult first = reconciler.apply(fixture.config(before));
        assertThat(first.errors()).isEmpty();
        String after = LINKS + """
                  - { to: 198.51.100.0/24, via: 192.0.2.253, dev: br0, onlink: true, mtu: 1400 }
                  - { to: 203.0.113.0/24, dev: br0, scope: host, src: 192.0.2.2 }
                  - { to: 198.18.0.0/24, type: unreachable }
                  - { to: "2001:db8:5::/48", via: "2001:db8:1::fd", dev: br0, pref: low }
                """;
        ApplyResult r = reconciler.apply(fixture.config(after));
        assertThat(r.errors()).isEmpty();
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(r.kept()).extracting(s -> s.operation()).allMatch(o -> o.startsWith("replace route")).hasSize(4);

        JsonNode v4 = ns.json("route", "show", "198.51.100.0/24").get(0);
        assertThat(v4.get("gateway").asText()).isEqualTo("192.0.2.253");
        assertThat(v4.get("flags").toString()).contains("onlink");
        assertThat(v4.get("metrics").toString()).contains("1400");
        assertThat(v4.get("protocol").asText()).isEqualTo("247");
        JsonNode host = ns.json("route", "show", "203.0.113.0/24").get(0);
        assertThat(host.get("scope").asText()).isEqualTo("host");
        assertThat(host.get("prefsrc").asText()).isEqualTo("192.0.2.2");
        assertThat(ns.json("route", "show", "198.18.0.0/24").get(0).get("type").asText()).isEqualTo("unreachable");
        JsonNode v6 = ns.json("-6", "route", "show", "2001:db8:5::/48").get(0);
        assertThat(v6.get("gateway").asText()).isEqualTo("2001:db8:1::fd");
        assertThat(v6.get("pref").asText()).isEqualTo("low");
        assertThat(reconciler.plan(fixture.config(after)).isEmpty()).isTrue();

        // The revert of a replace puts the old route back (a rolled-back apply restores the state).
        r.change().rollback();
        assertThat(ns.json("route", "show", "198.51.100.0/24").get(0).get("gateway").asText())
                .isEqualTo("192.0.2.254");
        assertThat(reconciler.plan(fixture.config(before)).isEmpty()).isTrue();
    }
}
