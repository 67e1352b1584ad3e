package io.vlinkd.netlink.kind;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MacAddress;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import java.util.List;
import java.util.Optional;

/**
 * What veth and vxcan share as pair kinds: both ends are created in one request, with the peer in the kind's
 * *_INFO_PEER nest ({@link PeerLink}), and the kind has no changelink (the kernel answers EOPNOTSUPP to any
 * IFLA_INFO_DATA on an existing link), so every option is create-only and only what one end can observe of its peer
 * is compared.
 *
 * @param <S> the kind's spec record
 */
public abstract class PairKind<S extends KindSpec & PairKind.Peer> extends AbstractLinkKind<S> {

    /** The peer fields of a pair spec; see {@link VethSpec} for their meaning. */
    public interface Peer {
        /** {@code peer}: the other end's name. */
        Optional<String> peer();

        /** {@code peer-netns}: the named namespace the other end is created in. */
        Optional<String> peerNetns();

        /** Observed only: IFLA_LINK_NETNSID, the peer's namespace as this namespace numbers it. */
        Optional<Integer> peerNetnsId();

        /** {@code peer-mac}: the other end's MAC, for the kinds that set it (veth); none by default. */
        default Optional<MacAddress> peerMac() {
            return Optional.empty();
        }
    }

    /** The kind's *_INFO_PEER nest. */
    private final Attr peerNest;

    protected PairKind(String name, Class<S> specType, AttrSpace dataSpace, Attr peerNest, List<Option> options) {
        super(name, specType, dataSpace, options);
        this.peerNest = peerNest;
    }

    /** The spec of what a dump of one end shows of its peer. */
    protected abstract S observed(PeerLink.Observed peer);

    /** The options share the peer nest. */
    @Override
    public final void encodeCreate(S s, EncodeContext ctx, MessageWriter w) {
        s.peer().ifPresent(p -> PeerLink.write(peerNest, p, s.peerMac(), s.peerNetns(), ctx, w));
    }

    @Override
    public final S decode(Attrs data, DecodeContext ctx) throws MalformedMessageException {
        return observed(PeerLink.read(peerNest, data, ctx));
    }

    /** A peer is always named on create, so the nest is written even when nothing else is set. */
    @Override
    public final boolean writesInfoData(S spec) {
        return spec.peer().isPresent();
    }

    /**
     * Nothing changes in place: there is no changelink. A change request carries no info data (an empty nest would
     * still be refused with EOPNOTSUPP).
     */
    @Override
    public final void encodeChange(S desired, EncodeContext ctx, MessageWriter w) {
    }

    /** Only what one end can observe of its peer is compared; see {@link PeerLink#differences}. */
    @Override
    public final List<Difference> differences(S desired, S observed) {
        return PeerLink.differences(desired.peer(), desired.peerNetns(), observed.peer(), observed.peerNetnsId());
    }
}
