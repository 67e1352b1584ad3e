package io.vlinkd.it.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.config.DesiredState;
import io.vlinkd.daemon.reconcile.ApplyResult;
import io.vlinkd.daemon.reconcile.Plan;
import io.vlinkd.daemon.reconcile.Reconciler;
import io.vlinkd.daemon.resource.link.KindTraits;
import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.link.LinkSpec;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12.11: for each kind with an in-place option, a change of mtu and of that option in one apply is applied
 * and verified (the reconciler verifies every key against a fresh dump), and a second apply changes nothing. A
 * kind's changelink may refuse IFLA_MTU beside IFLA_INFO_DATA (vxlan: "Cannot change mtu"). Kinds this kernel lacks
 * skip here and run in the full-kernel lane.
 */
class MixedChangeKernelTest {
    @RegisterExtension
    final KernelFixture kernel = new KernelFixture();

    /** kind, probe args, the entry's kind section before and after (%s), whether it sits on the veth p0. */
    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("vxlan", new String[] {"id", "1", "dstport", "4789"},
                        "vxlan: { id: 42, remote: 198.51.100.1, dstport: 4789 }",
                        "vxlan: { id: 42, remote: 198.51.100.2, dstport: 4789 }", false),
                Arguments.of("bridge", new String[0], "bridge: { forward-delay: 4 }", "bridge: { forward-delay: 5 }",
                        false),
                Arguments.of("macvlan", new String[] {"mode", "bridge"}, "macvlan: { mode: bridge }",
                        "macvlan: { mode: vepa }", true),
                Arguments.of("ipvlan", new String[] {"mode", "l2"}, "ipvlan: { mode: l2 }", "ipvlan: { mode: l3 }",
                        true),
                Arguments.of("vlan", new String[] {"id", "7"}, "vlan: { id: 7, reorder-hdr: true }",
                        "vlan: { id: 7, reorder-hdr: false }", true),
                Arguments.of("ipip", new String[] {"local", "192.0.2.1", "remote", "192.0.2.2"},
                        "ipip: { local: 192.0.2.1, remote: 192.0.2.2, ttl: 10 }",
                        "ipip: { local: 192.0.2.1, remote: 192.0.2.2, ttl: 20 }", false),
                Arguments.of("gre", new String[] {"local", "192.0.2.1", "remote", "192.0.2.2"},
                        "gre: { local: 192.0.2.1, remote: 192.0.2.2, ttl: 10 }",
                        "gre: { local: 192.0.2.1, remote: 192.0.2.2, ttl: 20 }", false),
                Arguments.of("gretap", new String[] {"local", "192.0.2.1", "remote", "192.0.2.2"},
                        "gretap: { local: 192.0.2.1, remote: 192.0.2.2, ttl: 10 }",
                        "gretap: { local: 192.0.2.1, remote: 192.0.2.2, ttl: 20 }", false),
                Arguments.of("vti", new String[] {"local", "192.0.2.1", "remote", "192.0.2.2"},
                        "vti: { local: 192.0.2.1, remote: 192.0.2.2 }",
                        "vti: { local: 192.0.2.1, remote: 192.0.2.3 }", false),
                // The options below are those each kind's own kernel test (kinds/*KernelTest) changes in place on
                // both lane kernels (6.1 and the full one).
                Arguments.of("bond", new String[] {"mode", "active-backup"},
                        "bond: { mode: active-backup, miimon: 100 }",
                        "bond: { mode: active-backup, miimon: 200 }", false),
                Arguments.of("macvtap", new String[] {"mode", "vepa"}, "macvtap: { mode: vepa }",
                        "macvtap: { mode: bridge }", true),
                Arguments.of("ipvtap", new String[] {"mode", "l2"}, "ipvtap: { mode: l2, flags: bridge }",
                        "ipvtap: { mode: l3, flags: bridge }", true),
                Arguments.of("sit", new String[] {"local", "192.0.2.1", "remote", "192.0.2.2"},
                        "sit: { mode: ip6ip, local: 192.0.2.1, remote: 192.0.2.2, ttl: 64 }",
                        "sit: { mode: ip6ip, local: 192.0.2.1, remote: 192.0.2.2, ttl: 10 }", false),
                Arguments.of("ip6tnl", new String[] {"local", "2001:db8::1", "remote", "2001:db8::2"},
                        "ip6tnl: { mode: ip6ip6, local: \"2001:db8::1\", remote: \"2001:db8::2\" }",
                        "ip6tnl: { mode: ipip6, local: \"2001:db8::1\", remote: \"2001:db8::2\" }", false),
                Arguments.of("ip6gre", new String[] {"local", "2001:db8::1", "remote", "2001:db8::2"},
                        "ip6gre: { local: \"2001:db8::1\", remote: \"2001:db8::2\", hoplimit: 32 }",
                        "ip6gre: { local: \"2001:db8::1\", remote: \"2001:db8::2\", hoplimit: 16 }", false),
                Arguments.of("ip6gretap", new String[] {"local", "2001:db8::1", "remote", "2001:db8::2"},
                        "ip6gretap: { local: \"2001:db8::1\", remote: \"2001:db8::2\", tos: af41 }",
                        "ip6gretap: { local: \"2001:db8::1\", remote: \"2001:db8::2\", tos: cs1 }", false),
                Arguments.of("vti6", new String[] {"local", "2001:db8::1", "remote", "2001:db8::2"},
                        "vti6: { local: \"2001:db8::1\", remote: \"2001:db8::2\" }",
                        "vti6: { local: \"2001:db8::1\", remote: \"2001:db8::3\" }", false),
                Arguments.of("macsec", new String[0],
                        "macsec: { port: 11, encrypt: true, validate: strict }",
                        "macsec: { port: 11, encrypt: false, validate: check }", true));
    }

    private static String entry(String kind, boolean onP0, int mtu, String section) {
        return "interfaces:\n"
                // Up: the kernel refuses to bring a vlan up on a parent that is down (vlan_open: ENETDOWN).
                + (onP0 ? "  - { name: p0, mtu: 1500, state: up }\n" : "")
                + "  - name: k0\n    kind: " + kind + "\n    mtu: " + mtu + "\n"
                + (onP0 ? "    link: p0\n" : "")
                + "    " + section + "\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void mtuAndAKindOptionChangeTogether(String kind, String[] probe, String before, String after, boolean onP0)
            throws Exception {
        TestNamespace ns = kernel.freshNamespace();
        if (onP0) {
            ns.ip("link", "add", "p0", "type", "veth", "peer", "name", "p1");
        }
        Assumptions.assumeTrue(supports(ns, kind, onP0, probe),
                "this kernel has no " + kind + ": runs in the full-kernel lane");
        Reconciler r = kernel.reconciler(kernel.open());
        ApplyResult created = r.apply(kernel.config(entry(kind, onP0, 1400, before)));
        assertThat(created.errors()).isEmpty();
        assertThat(created.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);

        DesiredState changed = kernel.config(entry(kind, onP0, 1300, after));
        Plan plan = r.plan(changed);
        // The common part is its own request, unless the kind's changelink resets the MTU when not told it (vti6):
        // then one request carries both.
        boolean together = LinkKinds.byName(kind).orElseThrow().changeResetsMtu();
        assertThat(plan.toIpCommands()).contains(together ? "ip link set dev k0 mtu 1300 type " + kind + " "
                : "ip link set dev k0 mtu 1300\n");
        ApplyResult result = r.apply(changed);

        assertThat(result.errors()).isEmpty();
        assertThat(result.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        assertThat(ns.link("k0").get("mtu").asInt()).isEqualTo(1300);
        assertThat(r.apply(changed).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
    }

    /**
     * On any kernel, also where a row's kind is missing and its kernel test skips: both of the row's configs load,
     * and they differ in kind options that the kind changes in place, so each row tests a mixed in-place change
     * (a re-create would send the mtu with the new link) in whichever lane it runs.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eachRowChangesAKindOptionInPlace(String kind, String[] probe, String before, String after, boolean onP0)
            throws Exception {
        LinkSpec was = kernel.config(entry(kind, onP0, 1400, before)).link("k0").orElseThrow().link();
        LinkSpec now = kernel.config(entry(kind, onP0, 1300, after)).link("k0").orElseThrow().link();
        assertThat(KindTraits.differences(now.kind(), now.spec(), was.spec())).isNotEmpty()
                .allSatisfy(d -> assertThat(d.change()).as(d.key()).isEqualTo(Option.Change.IN_PLACE));
    }

    /** {@code ip link add probe [link p0] type KIND ARGS}; a parent-based kind probes on p0. */
    private static boolean supports(TestNamespace ns, String kind, boolean onP0, String[] probe) {
        if (!onP0) {
            return ns.supportsKind(kind, probe);
        }
        String[] cmd = Stream.concat(Stream.of("link", "add", "link", "p0", "vlt-probe0", "type", kind),
                Stream.of(probe)).toArray(String[]::new);
        boolean ok = ns.ipStatus(cmd) == 0;
        if (ok) {
            ns.ipStatus("link", "del", "vlt-probe0");
        }
        return ok;
    }
}
