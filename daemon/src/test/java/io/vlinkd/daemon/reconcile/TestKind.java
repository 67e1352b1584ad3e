package io.vlinkd.daemon.reconcile;

import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.kind.ValueType;
import io.vlinkd.netlink.route.IfInfoMsg;
import io.vlinkd.netlink.route.Ifla;
import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.RawAttr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Small table-driven kinds for reconciler tests, independent of the real kind classes: a bridge (stp,
 * forward-delay), a veth (peer) and a vxlan (id: "Cannot change VNI", ttl, dev). Their attribute numbers are the
 * kernel's (IFLA_BR_FORWARD_DELAY 1, IFLA_BR_STP_STATE 5, VETH_INFO_PEER 1, IFLA_VXLAN_ID 1, IFLA_VXLAN_LINK 3,
 * IFLA_VXLAN_TTL 5), so the same kinds also drive a real kernel in the contract suite.
 */
public final class TestKind implements LinkKind<TestKind.Spec> {

    public record Spec(OptionValues values) implements KindSpec {
    }

    /** One option: its key, change rule, attribute, and the kernel's text when it refuses a change. */
    record Opt(Option option, Attr attr, String refusal) {
    }

    public static final TestKind BRIDGE = new TestKind("bridge", List.of(
            new Opt(Option.inPlace("forward-delay", ValueType.u32(), "3.18", "IFLA_BR_FORWARD_DELAY"),
                    Attr.of("IFLA_BR_FORWARD_DELAY", 1, AttrType.U32), null),
            new Opt(Option.inPlace("stp", ValueType.u32(), "3.18", "IFLA_BR_STP_STATE"),
                    Attr.of("IFLA_BR_STP_STATE", 5, AttrType.U32), null)));

    public static final TestKind VETH = new TestKind("veth", List.of(
            new Opt(Option.createOnly("peer", ValueType.peerName(), "2.6.24", "VETH_INFO_PEER"),
                    Attr.of("VETH_INFO_PEER", 1, AttrType.NESTED), null)));

    public static final TestKind VXLAN = new TestKind("vxlan", List.of(
            new Opt(Option.createOnly("id", ValueType.integer(0, 0xffffff), "3.7", "IFLA_VXLAN_ID"),
                    Attr.of("IFLA_VXLAN_ID", 1, AttrType.U32), "Cannot change VNI"),
            new Opt(Option.createOnly("dev", ValueType.interfaceName(), "3.7", "IFLA_VXLAN_LINK"),
                    Attr.of("IFLA_VXLAN_LINK", 3, AttrType.U32), "Cannot change lower device"),
            new Opt(Option.inPlace("ttl", ValueType.u8(), "3.7", "IFLA_VXLAN_TTL"),
                    Attr.of("IFLA_VXLAN_TTL", 5, AttrType.U8), null)));

    public static Optional<LinkKind<?>> byName(String name) {
        for (TestKind k : List.of(BRIDGE, VETH, VXLAN)) {
            if (k.name.equals(name)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    private final String name;
    private final List<Opt> opts;
    private final AttrSpace space;

    private TestKind(String name, List<Opt> opts) {
        this.name = name;
        this.opts = opts;
        this.space = AttrSpace.of("TEST_" + name, opts.stream().map(Opt::attr).toArray(Attr[]::new));
    }

    /** A spec from alternating keys and values: {@code spec("id", 42, "ttl", 64)}. */
    public Spec spec(Object... kv) {
        OptionValues.Builder b = OptionValues.builder();
        for (int i = 0; i < kv.length; i += 2) {
            b.put((String) kv[i], kv[i + 1]);
        }
        return new Spec(b.build());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<Spec> specType() {
        return Spec.class;
    }

    @Override
    public AttrSpace dataSpace() {
        return space;
    }

    @Override
    public List<Option> options() {
        return opts.stream().map(Opt::option).toList();
    }

    @Override
    public Spec fromOptions(OptionValues values, LinkCommon common, Problems problems) {
        return new Spec(values);
    }

    @Override
    public OptionValues toOptions(Spec spec) {
        return spec.values();
    }

    @Override
    public Spec restrict(Spec spec, java.util.Collection<String> keys) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(spec.values().asMap());
        m.keySet().retainAll(keys);
        return new Spec(OptionValues.of(m));
    }

    @Override
    public Spec overlay(Spec top, Spec base) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(base.values().asMap());
        m.putAll(top.values().asMap());
        return new Spec(OptionValues.of(m));
    }

    @Override
    public Spec withOption(Spec spec, String key, Object value) {
        Map<String, Object> m = new java.util.LinkedHashMap<>(spec.values().asMap());
        m.put(key, value);
        return new Spec(OptionValues.of(m));
    }

    @Override
    public boolean writesInfoData(Spec spec) {
        return !spec.values().asMap().isEmpty();
    }

    @Override
    public void encodeCreate(Spec spec, EncodeContext ctx, MessageWriter w) {
        encode(spec, ctx, w, true);
    }

    @Override
    public void encodeChange(Spec desired, EncodeContext ctx, MessageWriter w) {
        encode(desired, ctx, w, false);
    }

    private void encode(Spec spec, EncodeContext ctx, MessageWriter w, boolean create) {
        for (Opt o : opts) {
            Object v = spec.values().asMap().get(o.option().key());
            if (v == null || !create && o.option().change() == Option.Change.RECREATE) {
                continue;
            }
            if (o.option().key().equals("peer")) {
                try (var peer = w.nest(o.attr())) {
                    IfInfoMsg.of(0).writeTo(w);
                    w.putString(Ifla.IFLA_IFNAME, (String) v);
                }
            } else if (o.option().type() instanceof ValueType.InterfaceName) {
                w.putInt(o.attr(), ctx.ifindex((String) v));
            } else {
                w.putInt(o.attr(), (Long) v);
            }
        }
    }

    @Override
    public Spec decode(Attrs data, DecodeContext ctx) throws MalformedMessageException {
        OptionValues.Builder b = OptionValues.builder();
        for (Opt o : opts) {
            Optional<RawAttr> raw = data.raw(o.attr());
            if (raw.isEmpty()) {
                continue;
            }
            if (o.option().key().equals("peer")) {
                RawAttr r = raw.get();
                Attrs inner = Attrs.parse(r.buf(), r.offset() + IfInfoMsg.LENGTH, r.length() - IfInfoMsg.LENGTH);
                b.put("peer", inner.string(Ifla.IFLA_IFNAME));
            } else if (o.option().type() instanceof ValueType.InterfaceName) {
                long index = Attrs.readInteger(o.attr(), raw.get());
                if (index != 0) {
                    b.put(o.option().key(), ctx.nameOf((int) index));
                }
            } else {
                b.put(o.option().key(), Attrs.readInteger(o.attr(), raw.get()));
            }
        }
        return new Spec(b.build());
    }

    @Override
    public List<String> ipArgs(Spec spec) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Object> e : spec.values().asMap().entrySet()) {
            if (e.getKey().equals("peer")) {
                out.add("peer");
                out.add("name");
            } else {
                out.add(e.getKey().equals("forward-delay") ? "forward_delay" : e.getKey().equals("stp")
                        ? "stp_state" : e.getKey());
            }
            out.add(e.getValue().toString());
        }
        return out;
    }

    @Override
    public List<Difference> differences(Spec desired, Spec observed) {
        List<Difference> out = new ArrayList<>();
        for (Difference d : LinkKind.super.differences(desired, observed)) {
            String refusal = opts.stream().filter(o -> o.option().key().equals(d.key())).findFirst()
                    .map(Opt::refusal).orElse(null);
            out.add(new Difference(d.key(), d.desired(), d.observed(), d.change(), refusal));
        }
        return out;
    }
}
