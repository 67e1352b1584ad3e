package io.vlinkd.daemon.service;

import io.vlinkd.netlink.kind.DecodeContext;
import io.vlinkd.netlink.kind.KindSpec;
import io.vlinkd.netlink.kind.LinkKind;
import io.vlinkd.netlink.kind.LinkKinds;
import io.vlinkd.netlink.route.AddressMessage;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MalformedMessageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.stream.Collectors;

/**
 * Renders dumped links the way {@code ip -d link show} lays them out (index, name@parent, flags, mtu, master,
 * state; the MAC; the kind and its options in {@code ip link add} words), from vlinkd's own decoders, so the demo
 * and {@code status} show what vlinkd itself understood of the kernel.
 */
public final class IpLinkView {
    private IpLinkView() {
    }

    private static final int[] FLAG_BITS = {Rtnl.IFF_LOOPBACK, Rtnl.IFF_BROADCAST, Rtnl.IFF_POINTOPOINT,
        Rtnl.IFF_MULTICAST, Rtnl.IFF_NOARP, Rtnl.IFF_PROMISC, Rtnl.IFF_UP, Rtnl.IFF_LOWER_UP};
    private static final String[] FLAG_NAMES = {"LOOPBACK", "BROADCAST", "POINTOPOINT", "MULTICAST", "NOARP",
        "PROMISC", "UP", "LOWER_UP"};

    /** {@code <BROADCAST,MULTICAST,UP,LOWER_UP>}, in iproute2's order. */
    static String flags(int flags) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((flags & FLAG_BITS[i]) != 0) {
                names.add(FLAG_NAMES[i]);
            }
        }
        return "<" + String.join(",", names) + ">";
    }

    /** Links with their addresses, as {@code ip -d link show} followed by each link's {@code ip addr} lines. */
    public static List<String> render(List<LinkMessage> links, List<AddressMessage> addresses) {
        Map<Integer, String> names = links.stream().filter(l -> l.name() != null)
                .collect(Collectors.toMap(LinkMessage::index, LinkMessage::name, (a, b) -> a));
        DecodeContext ctx = i -> Optional.ofNullable(names.get(i));
        List<String> out = new ArrayList<>();
        for (LinkMessage l : links) {
            StringBuilder first = new StringBuilder();
            first.append(l.index()).append(": ").append(l.name());
            if (l.link() != null && l.link() != 0) {
                first.append('@').append(l.linkNetnsId() != null ? "if" + l.link()
                        : names.getOrDefault(l.link(), "if" + l.link()));
            }
            first.append(": ").append(flags(l.flags()));
            if (l.mtu() != null) {
                first.append(" mtu ").append(l.mtu());
            }
            if (l.master() != null && l.master() != 0) {
                first.append(" master ").append(names.getOrDefault(l.master(), "if" + l.master()));
            }
            first.append(" state ").append(l.operstateName());
            if (l.txqlen() != null) {
                first.append(" qlen ").append(l.txqlen());
            }
            out.add(first.toString());
            if ((l.flags() & Rtnl.IFF_LOOPBACK) != 0) {
                out.add("    link/loopback");
            } else if (l.address() != null) {
                out.add("    link/ether " + l.address());
            }
            if (l.kind() != null) {
                out.add("    " + kindLine(l, ctx));
            }
            if (l.slaveKind() != null) {
                out.add("    " + l.slaveKind() + "_slave");
            }
            if (l.alias() != null) {
                out.add("    alias " + l.alias());
            }
            for (AddressMessage a : addresses) {
                if (a.index() == l.index() && a.own() != null) {
                    out.add("    " + (a.header().family() == Rtnl.AF_INET6 ? "inet6 " : "inet ")
                            + EventView.text(a.own()) + "/" + a.prefixLength());
                }
            }
        }
        return out;
    }

    /** Links only, as {@code ip -d link show}. */
    public static List<String> render(List<LinkMessage> links) {
        return render(links, List.of());
    }

    private static String kindLine(LinkMessage l, DecodeContext ctx) {
        Optional<LinkKind<?>> kind = LinkKinds.byName(l.kind());
        if (kind.isEmpty()) {
            return l.kind() + " (options not decoded: no kind class in this build)";
        }
        try {
            List<String> args = ipArgs(kind.get(), l, ctx);
            return args.isEmpty() ? l.kind() : l.kind() + " " + String.join(" ", args);
        } catch (MalformedMessageException e) {
            return l.kind() + " (malformed IFLA_INFO_DATA: " + e.getMessage() + ")";
        }
    }

    private static <S extends KindSpec> List<String> ipArgs(LinkKind<S> kind, LinkMessage l, DecodeContext ctx)
            throws MalformedMessageException {
        return kind.ipArgs(kind.decode(l.infoData(), ctx));
    }

}
