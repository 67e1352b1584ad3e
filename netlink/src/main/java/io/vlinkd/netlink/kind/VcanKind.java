package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.List;

/**
 * A virtual CAN bus interface, for testing CAN applications without hardware. No options: it has no IFLA_INFO_DATA
 * (drivers/net/can/vcan.c, rtnetlink since 2.6.26).
 *
 * <pre>
 * - name: vcan0
 *   kind: vcan
 * </pre>
 * Equivalent to: {@code ip link add vcan0 type vcan}.
 */
public final class VcanKind implements LinkKind<VcanKind.VcanSpec> {
    public static final VcanKind INSTANCE = new VcanKind();

    /** vcan has no kind-specific options. */
    public record VcanSpec() implements KindSpec {
    }

    private static final AttrSpace SPACE = AttrSpace.of("IFLA_VCAN");

    private VcanKind() {
    }

    @Override
    public String name() {
        return "vcan";
    }

    @Override
    public Class<VcanSpec> specType() {
        return VcanSpec.class;
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
    public VcanSpec fromOptions(OptionValues values, LinkCommon common, Problems problems) {
        return new VcanSpec();
    }

    @Override
    public OptionValues toOptions(VcanSpec spec) {
        return OptionValues.empty();
    }

    @Override
    public void encodeCreate(VcanSpec spec, EncodeContext ctx, MessageWriter w) {
    }

    @Override
    public void encodeChange(VcanSpec desired, EncodeContext ctx, MessageWriter w) {
    }

    @Override
    public VcanSpec decode(Attrs data, DecodeContext ctx) {
        return new VcanSpec();
    }

    @Override
    public List<String> ipArgs(VcanSpec spec) {
        return List.of();
    }
}
