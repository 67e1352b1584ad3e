package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.List;

/**
 * An intermediate functional block: a device that tc redirects traffic to (ingress shaping). No options; the
 * kernel has no IFLA_INFO_DATA for it (drivers/net/ifb.c, rtnetlink since 2.6.24).
 *
 * <pre>
 * - name: ifb0
 *   kind: ifb
 * </pre>
 * Equivalent to: {@code ip link add ifb0 type ifb}.
 */
public final class IfbKind implements LinkKind<IfbKind.IfbSpec> {
    public static final IfbKind INSTANCE = new IfbKind();

    /** ifb has no kind-specific options. */
    public record IfbSpec() implements KindSpec {
    }

    private static final AttrSpace SPACE = AttrSpace.of("IFLA_IFB");

    private IfbKind() {
    }

    @Override
    public String name() {
        return "ifb";
    }

    @Override
    public Class<IfbSpec> specType() {
        return IfbSpec.class;
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
    public IfbSpec fromOptions(OptionValues values, LinkCommon common, Problems problems) {
        return new IfbSpec();
    }

    @Override
    public OptionValues toOptions(IfbSpec spec) {
        return OptionValues.empty();
    }

    @Override
    public void encodeCreate(IfbSpec spec, EncodeContext ctx, MessageWriter w) {
    }

    @Override
    public void encodeChange(IfbSpec desired, EncodeContext ctx, MessageWriter w) {
    }

    @Override
    public IfbSpec decode(Attrs data, DecodeContext ctx) {
        return new IfbSpec();
    }

    @Override
    public List<String> ipArgs(IfbSpec spec) {
        return List.of();
    }
}
