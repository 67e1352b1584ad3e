package io.vlinkd.it.kinds;

import io.vlinkd.it.TestNamespace;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.link.LinkSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** Helpers of the device-kind kernel tests (macvlan, ipvlan, bond, team...). */
final class DeviceKinds {
    private DeviceKinds() {
    }

    /** The veth pair the stacked kinds sit on: {@code lo} cannot be a macvlan or ipvlan parent. */
    static final String VETH = "link add p0 type veth peer name p1";

    /**
     * A spec built from config-style options ({@code "miimon", 100, ...}) as the config module builds it, failing
     * on any problem; ints become Longs as the config's integers do.
     */
    static <S extends KindSpec> S spec(LinkKind<S> kind, String link, Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1] instanceof Integer n ? (Object) (long) n : kv[i + 1]);
        }
        Problems p = new Problems();
        S s = kind.fromOptions(OptionValues.of(m), new LinkCommon("x", Optional.ofNullable(link), Optional.empty()),
                p);
        if (!p.isEmpty()) {
            throw new AssertionError(p.all());
        }
        return s;
    }

    /**
     * Whether the kernel creates {@code kind} on parent {@code parent} ({@code ip link add vlt-probe0 link P type
     * KIND}): the plain probe cannot, as these kinds refuse to exist without a parent.
     */
    static Predicate<TestNamespace> onParent(String kind, String parent) {
        return ns -> {
            boolean ok = ns.ipStatus("link", "add", "vlt-probe0", "link", parent, "type", kind) == 0;
            if (ok) {
                ns.ipStatus("link", "del", "vlt-probe0");
            }
            return ok;
        };
    }

    /**
     * A case of link {@code name} of {@code kind} on the veth p0 ({@link #VETH}), skipped, naming the kind, where the
     * kernel cannot create that kind on it.
     */
    static <S extends KindSpec> KindCase onVeth(String name, LinkKind<S> kind, S spec) {
        return KindCase.create(LinkSpec.of(name, kind, spec).withLink("p0"))
                .setup(VETH)
                .probe(onParent(kind.name(), "p0"), "this kernel has no " + kind.name()
                        + ": runs in the full-kernel lane");
    }
}
