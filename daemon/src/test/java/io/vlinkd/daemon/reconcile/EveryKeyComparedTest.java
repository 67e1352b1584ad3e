package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.config.JsonSchema;
import io.vlinkd.daemon.state.OwnershipStore;
import io.vlinkd.netlink.route.AddressRequests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Issue 12.4: every key of the route and address schemas (read from the JSON schema, which is generated from the
 * config code) is compared: for each key, a config that differs from an applied one in that key alone plans at
 * least one step, and once applied plans none. A new key without a case here, or without a comparison in the
 * planner, fails this test.
 */
class EveryKeyComparedTest {
    @TempDir
    Path dir;

    /** key: {applied entry, the same entry with only that key changed}. */
    private static final Map<String, String[]> ROUTE_CASES = new LinkedHashMap<>();
    private static final Map<String, String[]> ADDRESS_CASES = new LinkedHashMap<>();

    static {
        ROUTE_CASES.put("to", new String[] {"{to: 198.51.100.0/24, dev: eth9}", "{to: 198.51.101.0/24, dev: eth9}"});
        ROUTE_CASES.put("via", new String[] {"{to: 198.51.100.0/24, via: 10.0.0.254, dev: eth9}",
                "{to: 198.51.100.0/24, via: 10.0.0.253, dev: eth9}"});
        ROUTE_CASES.put("dev", new String[] {"{to: 198.51.100.0/24, dev: eth9}", "{to: 198.51.100.0/24, dev: eth8}"});
        ROUTE_CASES.put("metric", new String[] {"{to: 198.51.100.0/24, dev: eth9, metric: 100}",
                "{to: 198.51.100.0/24, dev: eth9, metric: 200}"});
        ROUTE_CASES.put("table", new String[] {"{to: 198.51.100.0/24, dev: eth9, table: 100}",
                "{to: 198.51.100.0/24, dev: eth9, table: 101}"});
        ROUTE_CASES.put("scope", new String[] {"{to: 198.51.100.0/24, dev: eth9}",
                "{to: 198.51.100.0/24, dev: eth9, scope: host}"});
        ROUTE_CASES.put("type", new String[] {"{to: 198.51.100.0/24, type: blackhole}",
                "{to: 198.51.100.0/24, type: unreachable}"});
        ROUTE_CASES.put("src", new String[] {"{to: 198.51.100.0/24, dev: eth9, src: 10.0.0.1}",
                "{to: 198.51.100.0/24, dev: eth9, src: 10.0.0.2}"});
        ROUTE_CASES.put("onlink", new String[] {"{to: 198.51.100.0/24, via: 10.0.0.254, dev: eth9}",
                "{to: 198.51.100.0/24, via: 10.0.0.254, dev: eth9, onlink: true}"});
        ROUTE_CASES.put("mtu", new String[] {"{to: 198.51.100.0/24, dev: eth9, mtu: 1400}",
                "{to: 198.51.100.0/24, dev: eth9, mtu: 1300}"});
        ROUTE_CASES.put("pref", new String[] {"{to: \"2001:db8:5::/48\", dev: eth9, pref: high}",
                "{to: \"2001:db8:5::/48\", dev: eth9, pref: low}"});
        String nexthops = "\nnexthops:\n  - { id: 1, via: 10.0.0.254, dev: eth9 }\n  - { id: 2, via: 10.0.1.254, dev: eth8 }";
        ROUTE_CASES.put("nexthop-id", new String[] {"{to: 198.51.100.0/24, nexthop-id: 1}" + nexthops,
                "{to: 198.51.100.0/24, nexthop-id: 2}" + nexthops});
        ROUTE_CASES.put("multipath", new String[] {
                "{to: 198.51.100.0/24, multipath: [{via: 10.0.0.254, dev: eth9}, {via: 10.0.1.254, dev: eth8}]}",
                "{to: 198.51.100.0/24, multipath: [{via: 10.0.0.254, dev: eth9}, {via: 10.0.1.254, dev: eth8, "
                        + "weight: 2}]}"});

        ADDRESS_CASES.put("address", new String[] {"{address: 10.0.0.5/24}", "{address: 10.0.0.6/24}"});
        ADDRESS_CASES.put("peer", new String[] {"{address: 10.0.0.5/32, peer: 10.0.0.9}",
                "{address: 10.0.0.5/32, peer: 10.0.0.10}"});
        ADDRESS_CASES.put("valid-lft", new String[] {"{address: 10.0.0.5/24}",
                "{address: 10.0.0.5/24, valid-lft: 3600}"});
        ADDRESS_CASES.put("preferred-lft", new String[] {"{address: 10.0.0.5/24}",
                "{address: 10.0.0.5/24, preferred-lft: 1800}"});
        ADDRESS_CASES.put("noprefixroute", new String[] {"{address: \"2001:db8::5/64\"}",
                "{address: \"2001:db8::5/64\", noprefixroute: true}"});
    }

    @SuppressWarnings("unchecked")
    private static List<String> schemaKeys(String def) {
        Map<String, Object> schema = (Map<String, Object>) new Load(LoadSettings.builder().build())
                .loadFromString(JsonSchema.generate());
        Map<String, Object> d = (Map<String, Object>) ((Map<String, Object>) schema.get("$defs")).get(def);
        if (d.containsKey("anyOf")) {
            // An address is a string or a mapping: the mapping's keys.
            d = ((List<Map<String, Object>>) d.get("anyOf")).stream().filter(x -> x.containsKey("properties"))
                    .findFirst().orElseThrow();
        }
        return List.copyOf(((Map<String, Object>) d.get("properties")).keySet());
    }

    @Test
    void everyRouteAndAddressKeyOfTheSchemaHasACase() {
        assertThat(ROUTE_CASES.keySet()).containsExactlyInAnyOrderElementsOf(schemaKeys("route"));
        assertThat(ADDRESS_CASES.keySet()).containsExactlyInAnyOrderElementsOf(schemaKeys("address"));
    }

    @Test
    void changingAnyRouteKeyAlonePlansAStepAndConverges() throws Exception {
        for (Map.Entry<String, String[]> c : ROUTE_CASES.entrySet()) {
            walk(c.getKey(), "routes:\n  - " + c.getValue()[0] + "\n", "routes:\n  - " + c.getValue()[1] + "\n");
        }
    }

    @Test
    void changingAnyAddressKeyAlonePlansAStepAndConverges() throws Exception {
        for (Map.Entry<String, String[]> c : ADDRESS_CASES.entrySet()) {
            walk(c.getKey(), "", "", c.getValue()[0], c.getValue()[1]);
        }
    }

    private void walk(String key, String before, String after) throws Exception {
        walk(key, before, after, null, null);
    }

    /** Applies {@code before} (with eth9's address {@code addrBefore}), then plans the changed config. */
    private void walk(String key, String before, String after, String addrBefore, String addrAfter)
            throws Exception {
        FakeKernel kernel = new FakeKernel(TestKind::byName);
        Path d = Files.createTempDirectory(dir, key);
        Reconciler reconciler = new Reconciler(kernel, new OwnershipStore(d.resolve("owned")), new Planner(), 2,
                Duration.ZERO);
        int eth9 = kernel.addForeignLink("eth9", null, null, true);
        int eth8 = kernel.addForeignLink("eth8", null, null, true);
        kernel.apply(List.of(AddressRequests.add(eth9, "eth9", Desired.address("10.0.0.1/24")),
                AddressRequests.add(eth8, "eth8", Desired.address("10.0.1.1/24"))));
        String links = "interfaces:\n  - name: eth8\n  - name: eth9\n";
        DesiredState was = config(d, links + (addrBefore == null ? "" : "    addresses: [" + addrBefore + "]\n")
                + before);
        DesiredState now = config(d, links + (addrAfter == null ? "" : "    addresses: [" + addrAfter + "]\n")
                + after);

        ApplyResult first = reconciler.apply(was);
        assertThat(first.errors()).as(key + ": applying the first config").isEmpty();
        assertThat(reconciler.plan(was).isEmpty()).as(key + ": the first config converged").isTrue();
        Plan plan = reconciler.plan(now);
        assertThat(plan.isEmpty()).as(key + ": a change of " + key + " alone plans a step").isFalse();
        ApplyResult second = reconciler.apply(now);
        assertThat(second.errors()).as(key + ": applying the change").isEmpty();
        assertThat(reconciler.plan(now).isEmpty()).as(key + ": the changed config converged").isTrue();
    }

    private static DesiredState config(Path d, String yaml) throws Exception {
        return Desired.fromYaml(d, yaml);
    }
}
