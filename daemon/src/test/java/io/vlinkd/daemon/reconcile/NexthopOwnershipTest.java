package io.vlinkd.daemon.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.nexthop.NexthopType;
import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.route.NexthopSpec;
import io.vlinkd.netlink.route.Rtnl;
import java.net.InetAddress;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@code nexthops:} through the whole reconciler: added with vlinkd's protocol and recorded, a group after its
 * members (on a device the same apply creates), left alone when unchanged, changed in place (NLM_F_REPLACE) where
 * the kernel allows it, deleted when they leave the config, the group before its members; someone else's nexthop
 * stays, even at a listed id; a failed apply puts every nexthop back. The real kernel, with packets:
 * NexthopKernelTest.
 */
class NexthopOwnershipTest extends OverFakeKernel {

    @Override
    Function<String, Optional<LinkKind<?>>> kinds() {
        return LinkKinds::byName;
    }

    private static final String ECMP = """
            interfaces:
              - { name: d0, kind: dummy }
            nexthops:
              - { id: 10, group: [ { id: 1 }, { id: 2, weight: 3 } ] }
              - { id: 1, via: 192.0.2.1, dev: d0, onlink: true }
              - { id: 2, via: 192.0.2.3, dev: d0, onlink: true }
              - { id: 3, blackhole: true }
            """;

    /** Each nexthop as {@code ip nexthop} shows it, with its protocol. */
    private List<String> nexthops() {
        return kernel.observe().objects(NexthopType.TYPE).stream()
                .map(n -> n.nexthop() + (n.oif() != 0 ? " oif" : "") + " proto " + n.protocol()).toList();
    }

    @Test
    void addsAGroupAfterItsMembersKeepsReplacesAndDeletesItsNexthopsTheGroupFirst() throws Exception {
        ApplyResult first = reconciler.apply(config(ECMP));
        assertThat(first.outcome()).isEqualTo(ApplyResult.Outcome.APPLIED);
        List<String> commands = first.kept().stream().map(Step::ipCommand).toList();
        assertThat(commands).contains("ip nexthop add id 1 via 192.0.2.1 dev d0 onlink proto 247",
                "ip nexthop add id 2 via 192.0.2.3 dev d0 onlink proto 247",
                "ip nexthop add id 3 blackhole proto 247", "ip nexthop add id 10 group 1/2,3 proto 247");
        // Listed first, the group is added last: the kernel refuses a group whose members it does not have.
        assertThat(commands.indexOf("ip nexthop add id 10 group 1/2,3 proto 247")).isEqualTo(commands.size() - 1);
        assertThat(nexthops()).containsExactly("id 1 via 192.0.2.1 onlink oif proto 247",
                "id 2 via 192.0.2.3 onlink oif proto 247", "id 3 blackhole proto 247", "id 10 group 1/2,3 proto 247");
        assertThat(Files.readString(store.file())).contains("\nnexthop 1\n", "\nnexthop 10\n");

        int writes = kernel.writes();
        assertThat(reconciler.apply(config(ECMP)).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(kernel.writes()).isEqualTo(writes);

        String moved = ECMP.replace("{ id: 2, weight: 3 }", "{ id: 2, weight: 2 }")
                .replace("via: 192.0.2.1,", "via: 192.0.2.5,");
        ApplyResult changed = reconciler.apply(config(moved));
        assertThat(changed.kept()).extracting(Step::ipCommand).containsExactly(
                "ip nexthop replace id 1 via 192.0.2.5 dev d0 onlink proto 247",
                "ip nexthop replace id 10 group 1/2,2 proto 247");

        // A blackhole that becomes a next hop on a device is deleted and added (never replaced in place).
        ApplyResult remade = reconciler.apply(config(moved.replace("{ id: 3, blackhole: true }",
                "{ id: 3, dev: d0 }")));
        assertThat(remade.kept()).extracting(Step::ipCommand).containsExactly("ip nexthop del id 3",
                "ip nexthop add id 3 dev d0 proto 247");

        ApplyResult gone = reconciler.apply(config("interfaces:\n  - { name: d0, kind: dummy }\n"));
        assertThat(gone.kept()).extracting(Step::ipCommand).containsExactly("ip nexthop del id 10",
                "ip nexthop del id 1", "ip nexthop del id 2", "ip nexthop del id 3");
        assertThat(nexthops()).isEmpty();
        assertThat(Files.readString(store.file())).doesNotContain("\nnexthop ");
    }

    @Test
    void someoneElsesNexthopStaysEvenAtAListedIdAndOneWithItsProtocolAsListedIsClaimed() throws Exception {
        reconciler.apply(config("interfaces:\n  - { name: d0, kind: dummy }\n"));
        kernel.putNexthop(NexthopSpec.blackhole(3, Rtnl.AF_INET6), 0, Rtnl.RTPROT_BOOT);
        kernel.putNexthop(NexthopSpec.blackhole(7, Rtnl.AF_INET), 0, Rtnl.RTPROT_STATIC);
        kernel.putNexthop(NexthopSpec.single(1, Rtnl.AF_INET, Optional.of(InetAddress.getByName("192.0.2.1")),
                Optional.empty(), true, false), kernel.observe().byName().get("d0").index(), 247);
        ApplyResult r = reconciler.apply(config(ECMP.replace("  - { id: 10, group: [ { id: 1 }, { id: 2, weight: 3 }"
                + " ] }\n", "")));
        assertThat(r.kept()).extracting(Step::ipCommand).containsExactly(
                "ip nexthop add id 2 via 192.0.2.3 dev d0 onlink proto 247");
        assertThat(r.plan().notes()).anyMatch(n -> n.contains("nexthop id 3 blackhole: a different nexthop -6 id 3 "
                + "blackhole has id 3 (proto 3), not installed by vlinkd; left alone"));
        assertThat(Files.readString(store.file())).contains("\nnexthop 1\n").doesNotContain("\nnexthop 3\n");

        reconciler.apply(config("interfaces:\n  - { name: d0, kind: dummy }\n"));
        assertThat(nexthops()).containsExactly("-6 id 3 blackhole proto 3", "id 7 blackhole proto 4");
    }

    @Test
    void routesThroughAGroupAndOverSeveralPathsComeAfterTheGroupReadBackAndGoBeforeIt() throws Exception {
        String routes = ECMP.replace("interfaces:\n  - { name: d0, kind: dummy }\n",
                "interfaces:\n  - { name: d0, kind: dummy, state: up, addresses: [192.0.2.2/24] }\n"
                        + "  - { name: d1, kind: dummy, state: up, addresses: [203.0.113.2/24] }\n") + """
                routes:
                  - { to: 198.51.100.0/24, nexthop-id: 10 }
                  - to: "2001:db8:9::/64"
                    multipath:
                      - { via: "2001:db8::1", dev: d0, onlink: true }
                      - { via: "2001:db8::3", dev: d1, weight: 256, onlink: true }
                """;
        ApplyResult first = reconciler.apply(config(routes));
        assertThat(first.errors()).isEmpty();
        List<String> commands = first.kept().stream().map(Step::ipCommand).toList();
        assertThat(commands.get(commands.size() - 3)).isEqualTo("ip nexthop add id 10 group 1/2,3 proto 247");
        assertThat(commands.subList(commands.size() - 2, commands.size())).containsExactlyInAnyOrder(
                "ip route add 198.51.100.0/24 nhid 10 proto 247",
                "ip route add 2001:db8:9::/64 nexthop via 2001:db8::1 dev d0 weight 1 onlink nexthop via 2001:db8::3 "
                        + "dev d1 weight 256 onlink proto 247");
        assertThat(reconciler.apply(config(routes)).outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);

        ApplyResult moved = reconciler.apply(config(routes.replace("weight: 256", "weight: 2")
                .replace("nexthop-id: 10", "nexthop-id: 3")));
        assertThat(moved.kept()).extracting(Step::ipCommand).containsExactlyInAnyOrder(
                "ip route replace 198.51.100.0/24 nhid 3 proto 247",
                "ip route replace 2001:db8:9::/64 nexthop via 2001:db8::1 dev d0 weight 1 onlink nexthop via "
                        + "2001:db8::3 dev d1 weight 2 onlink proto 247");

        ApplyResult gone = reconciler.apply(config(routes.substring(0, routes.indexOf("nexthops:"))));
        List<String> deletes = gone.kept().stream().map(Step::ipCommand).toList();
        assertThat(deletes.get(0)).startsWith("ip route del");
        assertThat(deletes.get(1)).startsWith("ip route del");
        assertThat(deletes.subList(2, deletes.size())).containsExactly("ip nexthop del id 10",
                "ip nexthop del id 1", "ip nexthop del id 2", "ip nexthop del id 3");
    }

    @Test
    void aFailedApplyPutsEveryNexthopBack() throws Exception {
        reconciler.apply(config(ECMP));
        List<String> before = nexthops();
        kernel.failWrite(3, Errno.EINVAL, "injected");
        ApplyResult r = reconciler.apply(config(ECMP.replace("{ id: 2, weight: 3 }", "{ id: 2 }, { id: 4 }")
                .replace("via: 192.0.2.1,", "via: 192.0.2.5,") + "  - { id: 4, dev: d0 }\n"));
        assertThat(r.outcome()).isEqualTo(ApplyResult.Outcome.ROLLED_BACK);
        assertThat(nexthops()).containsExactlyInAnyOrderElementsOf(before);
    }
}
