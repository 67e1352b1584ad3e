package io.vlinkd.netlink.kind.tunnel;

import io.vlinkd.netlink.kind.AbstractLinkKind;
import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.Difference;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkCommon;
import io.vlinkd.netlink.kind.Option;
import io.vlinkd.netlink.kind.OptionValues;
import io.vlinkd.netlink.kind.Problems;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * What every IP tunnel kind (ipip, sit, ip6tnl, gre, gretap, ip6gre, ip6gretap, vti, vti6) shares: the outer
 * endpoints {@code local} and {@code remote} of one IP version and the {@code dev} the outer packets leave by, and
 * the way the kernel changes a tunnel.
 *
 * <p>Change: every tunnel's changelink (ipip_changelink(), ipgre_changelink(), vti_changelink() and their IPv6
 * siblings) parses the attributes into a zeroed struct (ipip_netlink_parms() and the like): an attribute left out is
 * reset to its default, not kept. So a change writes the whole set create writes, like {@code ip link set ... type
 * KIND} does after reading the link back, and {@link #changeFrom} fills what the config does not manage from the
 * kernel's values. So the encode, and the decode of the attributes it packs several options into, are hand-written;
 * config reading, toOptions, restrict and the {@code ip} words come from the option table. Whether a change of remote is in place depends on the kind ({@link RemoteRule}).
 * {@code external} (collect_md) is not offered (ipip, sit and ip6tnl changelink refuse it with EINVAL).
 *
 * @param <S> the kind's spec record
 */
public abstract class TunnelKind<S extends KindSpec & TunnelKind.Endpoints> extends AbstractLinkKind<S> {

    /** The fields every tunnel spec has, in iproute2's words; an empty Optional is not managed. */
    public interface Endpoints {
        /** {@code local}: IFLA_*_LOCAL, the outer source address. */
        Optional<InetAddress> local();

        /** {@code remote}: IFLA_*_REMOTE, the outer destination; none makes a multipoint tunnel. */
        Optional<InetAddress> remote();

        /** {@code dev}: IFLA_*_LINK, the device the outer packets leave by. */
        Optional<String> dev();
    }

    private final EndpointAttrs ends;
    private final String otherFamilyKind;
    private final RemoteRule remoteRule;

    /**
     * @param ends            the attributes of local, remote and dev in {@code space}
     * @param otherFamilyKind the kind that tunnels over the other IP version, named when an address is of it
     */
    protected TunnelKind(String name, Class<S> specType, AttrSpace space, List<Option> options, EndpointAttrs ends,
                         String otherFamilyKind, RemoteRule remoteRule) {
        super(name, specType, space, options);
        this.ends = ends;
        this.otherFamilyKind = otherFamilyKind;
        this.remoteRule = remoteRule;
    }

    /** The whole set, as create writes it: changelink resets what it is not given (see the class comment). */
    @Override
    public final void encodeChange(S desired, EncodeContext ctx, MessageWriter w) {
        encodeCreate(desired, ctx, w);
    }

    /** iproute2 writes its defaults for what the command does not say, so IFLA_INFO_DATA is never empty. */
    @Override
    public final boolean writesInfoData(S spec) {
        return true;
    }

    /** What the config does not manage, from the kernel's values: changelink resets what it is not given. */
    @Override
    public final S changeFrom(S desired, S observed) {
        return overlay(desired, observed);
    }

    /** The table's words, with equal ikey and okey said as {@code key}, as iproute2 prints them. */
    @Override
    public final List<String> ipArgs(S spec) {
        return TunnelValues.sameKeys(super.ipArgs(spec));
    }

    @Override
    public final List<Difference> differences(S desired, S observed) {
        return remoteRule.apply(super.differences(desired, observed), desired.remote(), observed.remote());
    }

    /**
     * Every tunnel's rules: local and remote of the kind's IP version, and, for the kinds with keys, not both key
     * and ikey/okey. Kinds with more rules override this and say in which order they report them.
     */
    @Override
    protected void validate(OptionValues v, LinkCommon common, Problems problems) {
        checkFamily(v, problems);
        if (options().stream().anyMatch(o -> o.key().equals("key"))) {
            TunnelValues.checkKeys(v, problems);
        }
    }

    /** Reports a local or remote of the other IP version, naming the kind that tunnels over it. */
    protected final void checkFamily(OptionValues v, Problems problems) {
        TunnelValues.family(v, name(), ends.v6(), otherFamilyKind, problems);
    }

    /** Writes LOCAL and REMOTE when given, next to each other as every iproute2 tunnel module does. */
    protected final void writeAddresses(S s, MessageWriter w) {
        s.local().ifPresent(a -> w.putAddress(ends.local(), a));
        s.remote().ifPresent(a -> w.putAddress(ends.remote(), a));
    }

    /** The LINK attribute's value: the ifindex of {@code dev}, 0 for none. */
    protected static int linkIndex(Endpoints s, EncodeContext ctx) {
        return s.dev().map(ctx::ifindex).orElse(0);
    }

    /** The dumped local address; the kernel's "any" (0.0.0.0 or ::) is not set. */
    protected final Optional<InetAddress> decodeLocal(Attrs d) throws MalformedMessageException {
        return TunnelValues.address(d, ends.local());
    }

    /** The dumped remote address; "any" is not set (a multipoint tunnel). */
    protected final Optional<InetAddress> decodeRemote(Attrs d) throws MalformedMessageException {
        return TunnelValues.address(d, ends.remote());
    }

    /** The dumped LINK as a device name; 0 is not set. */
    protected final Optional<String> decodeDev(Attrs d, DecodeContext ctx) throws MalformedMessageException {
        return TunnelValues.device(d, ends.link(), ctx);
    }

}
