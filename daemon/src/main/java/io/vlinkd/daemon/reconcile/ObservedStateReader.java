package io.vlinkd.daemon.reconcile;

import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.ip.Ipv4Settings;
import io.vlinkd.netlink.port.PortSettings;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Decodes dumps into what an {@link ObservedState} holds: links, and the objects of a {@link ResourceType}. Pure. */
public final class ObservedStateReader {
    private static final Logger LOG = LoggerFactory.getLogger(ObservedStateReader.class);

    private final Function<String, Optional<LinkKind<?>>> kinds;

    public ObservedStateReader(Function<String, Optional<LinkKind<?>>> kinds) {
        this.kinds = kinds;
    }

    /** The objects of {@code type} in its dump, as its decoder reads them. */
    public static <O> List<O> objects(ResourceType<?, ?, O, ?> type, List<NlMessage> dump)
            throws MalformedMessageException {
        List<O> out = new ArrayList<>();
        for (NlMessage m : dump) {
            if (!Rtnl.isDeletion(m.type())) {
                out.addAll(type.decodeAll(m));
            }
        }
        return out;
    }

    /**
     * The link of an RTM_NEWLINK message, its kind's attributes decoded; {@code names} resolves the indexes of
     * other links (a veth's peer is known only by IFLA_LINK).
     */
    ObservedLink link(LinkMessage lm, Map<Integer, String> names) {
        LinkKind<?> kind = lm.kind() == null ? null : kinds.apply(lm.kind()).orElse(null);
        KindSpec spec = null;
        if (kind != null) {
            try {
                // forLink: a veth's or vxcan's peer is observable only through IFLA_LINK / IFLA_LINK_NETNSID.
                spec = kind.decode(lm.infoData(), DecodeContext.forLink(i -> Optional.ofNullable(names.get(i)),
                        lm.link(), lm.linkNetnsId()));
            } catch (MalformedMessageException | RuntimeException e) {
                // A link vlinkd cannot read is treated as of an unknown kind: compared by name only, never
                // re-created by a revert.
                LOG.warn("{}: cannot decode its {} attributes: {}", lm.name(), lm.kind(), e.getMessage());
                kind = null;
            }
        }
        return new ObservedLink(lm.index(), lm.name(), lm.kind(), kind, spec, lm.mtu() == null ? 0 : lm.mtu(),
                lm.address(), lm.isUp(), lm.master() == null ? 0 : lm.master(), lm.link() == null ? 0 : lm.link(),
                lm.alias(), lm.txqlen() == null ? 0 : lm.txqlen(), lm.operstate(),
                lm.linkNetnsId() == null ? -1 : lm.linkNetnsId(), port(lm), ipv4(lm));
    }

    /** The IPv4 settings of a link with an IPv4 device; null for others, and when they cannot be read. */
    private static Ipv4Settings ipv4(LinkMessage lm) {
        try {
            return Ipv4Settings.observed(lm).orElse(null);
        } catch (MalformedMessageException e) {
            LOG.warn("{}: cannot decode its IPv4 settings: {}", lm.name(), e.getMessage());
            return null;
        }
    }

    /** The port settings of a port of a bridge or bond; null for others, and when they cannot be read. */
    private static PortSettings port(LinkMessage lm) {
        try {
            return PortSettings.observed(lm).orElse(null);
        } catch (MalformedMessageException e) {
            LOG.warn("{}: cannot decode its settings as a port of a {}: {}", lm.name(), lm.slaveKind(),
                    e.getMessage());
            return null;
        }
    }
}
