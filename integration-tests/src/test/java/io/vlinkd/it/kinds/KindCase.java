package io.vlinkd.it.kinds;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.link.LinkSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One kernel test of a link kind, as data: what to set up, the link to create, what {@code ip -j -d link show}
 * must then report, the options to change in place (each with what must be reported after), and the changes the
 * kernel must refuse (the options vlinkd re-creates for). Run it with {@link KindHarness#run}.
 *
 * <pre>{@code
 * KindHarness.run(KindCase.create(LinkSpec.of("vx0", VxlanKind.INSTANCE, spec))
 *         .setup("link add p0 type veth peer name p1")
 *         .expect("id", 42).expect("remote", "192.0.2.2")
 *         .changeInPlace(spec.withTtl(10), "ttl", 10)
 *         .refused(spec.withId(43), "Cannot change VNI"));
 * }</pre>
 *
 * Expected fields are keys of {@code linkinfo.info_data} (paths with {@code /} inside it: {@code port_range/low}),
 * or JSON pointers from the link object when they start with {@code /} ({@code /address}, {@code /link}); values compare as text ({@code 42}, {@code true},
 * {@code 192.0.2.2}); a null value expects the field to be absent.
 */
public final class KindCase {
    final LinkSpec spec;
    final List<String[]> setup = new ArrayList<>();
    final Map<String, Object> expect = new LinkedHashMap<>();
    final List<Change> changes = new ArrayList<>();
    final List<Refusal> refusals = new ArrayList<>();
    final List<KindSpec> ignored = new ArrayList<>();
    final List<String> goneWithIt = new ArrayList<>();
    String kindProbeWhy;
    Predicate<TestNamespace> probe;

    /**
     * The arguments after {@code type KIND} that let {@code ip link add probe type KIND ARGS} succeed on a kernel
     * that has the kind ({@code id 1} for vxlan): without them iproute2 itself refuses and the case would be skipped.
     */
    public KindCase probeArgs(String... args) {
        String kind = spec.kind().name();
        this.probe = ns -> ns.supportsKind(kind, args);
        return this;
    }

    /** An in-place change: the new kind spec and the fields {@code ip} must report afterwards. */
    record Change(KindSpec spec, Map<String, Object> expect) {
    }

    /** A change the kernel refuses in place, and a fragment of its extack text ({@code Cannot change VNI}). */
    record Refusal(KindSpec spec, String kernelSays) {
    }

    private KindCase(LinkSpec spec) {
        this.spec = spec;
        this.probe = ns -> ns.supportsKind(spec.kind().name());
        this.kindProbeWhy = "this kernel has no " + spec.kind().name() + ": runs in the full-kernel lane";
    }

    public static KindCase create(LinkSpec spec) {
        return new KindCase(spec);
    }

    /** An {@code ip -n NS} command run before the kind is probed ({@code "link add p0 type veth peer name p1"}). */
    public KindCase setup(String ipArgs) {
        setup.add(ipArgs.split(" "));
        return this;
    }

    /**
     * How to tell whether the kernel has the kind, when {@code ip link add probe type KIND} is not enough (a vlan
     * needs a parent): the test is skipped with {@code whyItSkips} when it answers false.
     */
    public KindCase probe(Predicate<TestNamespace> probe, String whyItSkips) {
        this.probe = probe;
        this.kindProbeWhy = whyItSkips;
        return this;
    }

    public KindCase expect(String field, Object value) {
        expect.put(field, value);
        return this;
    }

    /** A change the kernel makes in place; {@code fieldValues} are field, value pairs to check afterwards. */
    public KindCase changeInPlace(KindSpec spec, Object... fieldValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < fieldValues.length; i += 2) {
            m.put((String) fieldValues[i], fieldValues[i + 1]);
        }
        changes.add(new Change(spec, m));
        return this;
    }

    /** A change the kernel must refuse when sent in place (why vlinkd re-creates for it). */
    public KindCase refused(KindSpec spec, String kernelSays) {
        refusals.add(new Refusal(spec, kernelSays));
        return this;
    }

    /**
     * A change the kernel accepts in place but does not apply (vlan_changelink ignores IFLA_VLAN_ID): after it the
     * kind must still see the difference, which is why vlinkd re-creates for it.
     */
    public KindCase ignored(KindSpec spec) {
        ignored.add(spec);
        return this;
    }

    /** Another link that must disappear with this one (a veth's peer). */
    public KindCase goneWithIt(String name) {
        goneWithIt.add(name);
        return this;
    }
}
