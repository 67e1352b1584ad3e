package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.List;

/**
 * A dummy link: a black hole with an address, handy for loopback-like service addresses. No options.
 *
 * <pre>
 * - name: dummy0
 *   kind: dummy
 * </pre>
 * Equivalent to: {@code ip link add dummy0 type dummy}.
 */
public final class DummyKind implements LinkKind<DummyKind.DummySpec> {
    public static final DummyKind INSTANCE = new DummyKind();

    /** dummy has no kind-specific options. */
    public record DummySpec() implements KindSpec {
    }

    private static final AttrSpace SPACE = AttrSpace.of("IFLA_DUMMY");

    private DummyKind() {
    }

    @Override
    public String name() {
        return "dummy";
    }

    @Override
    public Class<DummySpec> specType() {
        return DummySpec.class;
    }

    @Override
    public AttrSpace dataSpace() {
        return SPACE;
    }

    @Override
    public List<Option> options() {
        return List.of();
    }

    @Override
    public DummySpec fromOptions(OptionValues values, LinkCommon common, Problems problems) {
        return new DummySpec();
    }

    @Override
    public OptionValues toOptions(DummySpec spec) {
        return OptionValues.empty();
    }

    @Override
    public void encodeCreate(DummySpec spec, EncodeContext ctx, MessageWriter w) {
    }

    @Override
    public void encodeChange(DummySpec desired, EncodeContext ctx, MessageWriter w) {
    }

    @Override
    public DummySpec decode(Attrs data, DecodeContext ctx) {
        return new DummySpec();
    }

    @Override
    public List<String> ipArgs(DummySpec spec) {
        return List.of();
    }
}
