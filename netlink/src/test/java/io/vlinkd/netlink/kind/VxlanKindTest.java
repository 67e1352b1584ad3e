package io.vlinkd.netlink.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.vlinkd.netlink.link.LinkSpec;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VxlanKindTest {
    private static final VxlanKind K = VxlanKind.INSTANCE;
    private static final LinkCommon VX0 = new LinkCommon("vx0", Optional.empty(), Optional.empty());

    /** Config-style values: Integers become Longs, strings that look like addresses stay strings unless ip(). */
    static VxlanSpec fromConfig(Problems problems, Object... kv) {
        return ConfigOptions.spec(K, VX0, problems, kv);
    }

    static VxlanSpec fromConfig(Object... kv) {
        return ConfigOptions.valid(K, VX0, kv);
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static final VxlanSpec V4 = fromConfig("id", 42, "local", ip("192.0.2.1"), "remote", ip("192.0.2.2"),
            "dev", "p0", "dstport", 4789, "srcport", List.of(10000, 20000), "ttl", 64, "tos", "inherit",
            "learning", false, "proxy", true, "l2miss", true, "l3miss", true, "ageing", 120, "maxaddress", 100,
            "udpcsum", false, "gbp", false);

    static final VxlanSpec V6 = fromConfig("id", 43, "local", ip("2001:db8::1"), "group", ip("ff05::100"),
            "dev", "p0", "dstport", 4789, "ttl", "inherit", "tos", 16, "flowlabel", 74565, "learning", true,
            "udp6zerocsumtx", true, "udp6zerocsumrx", true, "gbp", true);

    @Test
    void createIpv4UnicastWithEveryFlagMatchesIproute2() throws Exception {
        KindGolden.assertCreate("vxlan/create-v4-unicast.txt", LinkSpec.of("vx0", K, V4), V4);
    }

    @Test
    void createIpv6GroupWithTtlInheritMatchesIproute2() throws Exception {
        VxlanSpec config = fromConfig("id", 43, "local", ip("2001:db8::1"), "group", ip("ff05::100"), "dev", "p0",
                "dstport", 4789, "ttl", "inherit", "tos", 16, "flowlabel", 74565, "udp6zerocsumtx", true,
                "udp6zerocsumrx", true, "gbp", true);
        // Decoded, the request also says learning 1: iproute2 and vlinkd send it on every create.
        KindGolden.assertCreate("vxlan/create-v6-group.txt", LinkSpec.of("vx0", K, config), V6);
    }

    @Test
    void createExternalSendsNoIdAndLearningOff() throws Exception {
        VxlanSpec external = fromConfig("external", true, "dstport", 4789);
        VxlanSpec decoded = fromConfig("external", true, "dstport", 4789, "learning", false, "gbp", false);
        KindGolden.assertCreate("vxlan/create-external.txt", LinkSpec.of("vx0", K, external), decoded);
    }

    @Test
    void createAlwaysSendsLearningAsIproute2Does() throws Exception {
        VxlanSpec minimal = fromConfig("id", 7, "dstport", 4789);
        VxlanSpec decoded = fromConfig("id", 7, "dstport", 4789, "learning", true, "gbp", false);
        KindGolden.assertCreate("vxlan/create-minimal.txt", LinkSpec.of("vx0", K, minimal), decoded);
    }

    @Test
    void changeOmitsCreateOnlyAttributes() throws Exception {
        // The config's id and dstport are create-only: the change leaves them out (here: not in the spec, so that
        // ipArgs give the captured command; changeLeavesOutIdAndDstport shows they are left out anyway).
        VxlanSpec desired = fromConfig(new Problems(), "local", ip("192.0.2.9"), "remote", ip("192.0.2.3"),
                "dev", "p1", "ttl", 10, "tos", 16, "learning", true, "ageing", 100);
        VxlanSpec decoded = fromConfig(new Problems(), "local", ip("192.0.2.9"), "remote", ip("192.0.2.3"),
                "dev", "p1", "ttl", 10, "tos", 16, "learning", true, "ageing", 100, "gbp", false);
        KindGolden.assertChange("vxlan/change-in-place.txt", LinkSpec.of("vx0", K, desired), decoded);
    }

    @Test
    void changeLeavesOutIdAndDstport() throws Exception {
        io.vlinkd.netlink.golden.GoldenFixture f = io.vlinkd.netlink.golden.GoldenFixture.load(
                "vxlan/change-in-place.txt");
        VxlanSpec full = fromConfig("id", 42, "local", ip("192.0.2.9"), "remote", ip("192.0.2.3"), "dev", "p1",
                "dstport", 4789, "ttl", 10, "tos", 16, "learning", true, "ageing", 100);
        io.vlinkd.netlink.golden.GoldenAssert.assertSameBytes(f, io.vlinkd.netlink.link.LinkRequests.change(
                f.ifindex().get("vx0"), LinkSpec.of("vx0", K, full), f.context()));
    }

    @Test
    void ipArgsReadLikeTheCommand() {
        assertThat(String.join(" ", K.ipArgs(V4))).isEqualTo("id 42 local 192.0.2.1 remote 192.0.2.2 dev p0 "
                + "dstport 4789 srcport 10000 20000 ttl 64 tos inherit nolearning proxy l2miss l3miss ageing 120 "
                + "maxaddress 100 noudpcsum");
    }

    @Test
    void decodesTtlInheritDumpedAsAByte() throws Exception {
        io.vlinkd.netlink.wire.MessageWriter w = io.vlinkd.netlink.wire.MessageWriter.request(16, 0);
        w.putInt(io.vlinkd.netlink.wire.Attr.of("IFLA_VXLAN_TTL_INHERIT", 28,
                io.vlinkd.netlink.wire.AttrType.U8), 1);
        byte[] b = w.finish("t").bytes();
        VxlanSpec s = K.decode(io.vlinkd.netlink.wire.Attrs.parse(b, 16, b.length - 16), DecodeContext.none());
        assertThat(K.toOptions(s).asMap()).containsEntry("ttl", "inherit");
    }

    private static void assertProblem(String key, String message, Object... kv) {
        Problems p = new Problems();
        fromConfig(p, kv);
        assertThat(p.all()).containsExactly(new Problems.Problem(key, message));
    }

    @Test
    void requiresAnIdUnlessExternal() {
        assertProblem(null, "a vxlan needs an id (vxlan: { id: VNI }) unless it is external", "dstport", 4789);
    }

    @Test
    void rejectsIdWithExternal() {
        assertProblem("id", "id and external exclude each other: an external (metadata) vxlan takes the VNI from "
                + "each packet's route", "id", 1, "external", true);
    }

    @Test
    void rejectsRemoteAndGroupTogether() {
        assertProblem("group", "remote and group exclude each other: a vxlan floods to one unicast remote or to "
                + "one multicast group", "id", 1, "remote", ip("192.0.2.2"), "group", ip("239.1.1.1"), "dev", "p0");
    }

    @Test
    void groupNeedsDev() {
        assertProblem("group", "a multicast group needs dev: the underlay device to join it on",
                "id", 1, "group", ip("239.1.1.1"));
    }

    @Test
    void groupMustBeMulticast() {
        assertProblem("group", "group 192.0.2.2 is not a multicast address; use remote for a unicast peer",
                "id", 1, "group", ip("192.0.2.2"), "dev", "p0");
    }

    @Test
    void remoteMustBeUnicast() {
        assertProblem("remote", "remote 239.1.1.1 is a multicast address; use group for a multicast group",
                "id", 1, "remote", ip("239.1.1.1"));
    }

    @Test
    void localAndRemoteShareAFamily() {
        assertProblem("local", "local 192.0.2.1 and remote 2001:db8::2 must both be IPv4 or both IPv6",
                "id", 1, "local", ip("192.0.2.1"), "remote", ip("2001:db8::2"));
    }

    @Test
    void flowlabelNeedsIpv6() {
        assertProblem("flowlabel", "flowlabel applies only to an IPv6 vxlan (an IPv6 local, remote or group)",
                "id", 1, "remote", ip("192.0.2.2"), "flowlabel", 5);
    }

    @Test
    void srcportTakesLowAndHigh() {
        assertProblem("srcport", "srcport takes two ports, [low, high], not 1", "id", 1, "srcport", List.of(5));
        assertProblem("srcport", "srcport low 9 is above high 8", "id", 1, "srcport", List.of(9, 8));
    }

    @Test
    void vniRangeIs24Bits() {
        assertThat(K.options().get(0).type()).isEqualTo(ValueType.integer(0, 16777215));
    }

    @Test
    void noDifferenceAgainstItself() {
        assertThat(K.differences(V4, V4)).isEmpty();
        assertThat(K.differences(V6, V6)).isEmpty();
    }

    @Test
    void recreatesWhenVniChanges() {
        assertThat(K.differences(fromConfig("id", 43), V4))
                .extracting(Difference::key, Difference::change, Difference::reason)
                .containsExactly(tuple("id", Option.Change.RECREATE, "Cannot change VNI"));
    }

    @Test
    void recreatesWhenDstportChanges() {
        assertThat(K.differences(fromConfig("id", 42, "dstport", 4790), V4))
                .extracting(Difference::key, Difference::change, Difference::reason)
                .containsExactly(tuple("dstport", Option.Change.RECREATE, "Cannot change port"));
    }

    @Test
    void changesRemoteTtlTosAndLearningInPlace() {
        VxlanSpec desired = fromConfig("id", 42, "remote", ip("192.0.2.3"), "ttl", 10, "tos", 16, "learning", true,
                "ageing", 300, "dev", "p1");
        assertThat(K.differences(desired, V4)).extracting(Difference::key, Difference::change).containsExactly(
                tuple("remote", Option.Change.IN_PLACE), tuple("dev", Option.Change.IN_PLACE),
                tuple("ttl", Option.Change.IN_PLACE), tuple("tos", Option.Change.IN_PLACE),
                tuple("learning", Option.Change.IN_PLACE), tuple("ageing", Option.Change.IN_PLACE));
    }

    @Test
    void recreatesWhenTtlSwitchesToOrFromInherit() {
        assertThat(K.differences(fromConfig("id", 42, "ttl", "inherit"), V4))
                .extracting(Difference::key, Difference::change, Difference::reason)
                .containsExactly(tuple("ttl", Option.Change.RECREATE, "vxlan: cannot change TTL_INHERIT flag"));
        assertThat(K.differences(fromConfig("id", 43, "ttl", 5), V6))
                .extracting(Difference::key, Difference::change)
                .containsExactly(tuple("ttl", Option.Change.RECREATE));
    }

    @Test
    void recreatesWhenAnAddressChangesFamily() {
        assertThat(K.differences(fromConfig("id", 42, "local", ip("2001:db8::9")), V4))
                .extracting(Difference::key, Difference::change, Difference::reason)
                .containsExactly(tuple("local", Option.Change.RECREATE,
                        "New local address family does not match old"));
        assertThat(K.differences(fromConfig("id", 42, "remote", ip("2001:db8::9")), V4))
                .extracting(Difference::key, Difference::change)
                .containsExactly(tuple("remote", Option.Change.RECREATE));
    }

    @Test
    void dstportZeroMeansTheKernelsDefaultAndIsNotCompared() {
        assertThat(K.differences(fromConfig("id", 42, "dstport", 0), V4)).isEmpty();
    }

    @Test
    void changingFromRemoteToGroupIsInPlace() {
        VxlanSpec desired = fromConfig("id", 42, "group", ip("239.1.1.1"), "dev", "p0");
        assertThat(K.differences(desired, V4)).extracting(Difference::key, Difference::change)
                .containsExactly(tuple("group", Option.Change.IN_PLACE));
    }
}
