package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.List;

/**
 * A netlink monitor: packet sockets on it see every netlink message of its namespace (tcpdump -i nlmon0). No
 * options (drivers/net/nlmon.c, 3.11).
 *
 * <pre>
 * - name: nlmon0
 *   kind: nlmon
 * </pre>
 * Equivalent to: {@code ip link add nlmon0 type nlmon}.
 */
public final class NlmonKind implements LinkKind<NlmonKind.NlmonSpec> {
    public static final NlmonKind INSTANCE = new NlmonKind();

    /** nlmon has no kind-specific options. */
    public record NlmonSpec() implements KindSpec {
    }

    private static final AttrSpace SPACE = AttrSpace.of("IFLA_NLMON");

    private NlmonKind() {
    }

    @Override
    public String name() {
        return "nlmon";
    }

    @Override
    public Class<NlmonSpec> specType() {
        return NlmonSpec.class;
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
    public NlmonSpec fromOptions(OptionValues values, LinkCommon common, Problems problems) {
        return new NlmonSpec();
    }

    @Override
    public OptionValues toOptions(NlmonSpec spec) {
        return OptionValues.empty();
    }

    @Override
    public void encodeCreate(NlmonSpec spec, EncodeContext ctx, MessageWriter w) {
    }

    @Override
    public void encodeChange(NlmonSpec desired, EncodeContext ctx, MessageWriter w) {
    }

    @Override
    public NlmonSpec decode(Attrs data, DecodeContext ctx) {
        return new NlmonSpec();
    }

    @Override
    public List<String> ipArgs(NlmonSpec spec) {
        return List.of();
    }
}
