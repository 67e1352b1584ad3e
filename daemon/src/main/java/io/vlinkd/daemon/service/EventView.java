package io.vlinkd.daemon.service;

import io.vlinkd.netlink.route.AddressMessage;
import io.vlinkd.netlink.route.LinkMessage;
import io.vlinkd.netlink.route.RouteMessage;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.NlMessage;
import java.util.List;
import java.util.Map;

/**
 * One line per rtnetlink event, in {@code ip monitor}'s words: {@code [LINK]}, {@code [ADDR]}, {@code [ROUTE]}
 * tags, {@code Deleted} for removals, and interface names resolved from what was seen so far.
 */
public final class EventView {
    private EventView() {
    }

    /** iproute2's names for the route protocols an operator meets (rt_protos); vlinkd's own is 247. */
    static String protocol(int p) {
        return switch (p) {
            case 2 -> "kernel";
            case 3 -> "boot";
            case 4 -> "static";
            case 247 -> "vlinkd";
            default -> Integer.toString(p);
        };
    }

    /** An address as {@code ip} prints it: IPv6 in RFC 5952 form (longest run of zero groups as {@code ::}). */
    static String text(java.net.InetAddress a) {
        return io.vlinkd.netlink.kind.IpText.format(a);
    }

    /** Renders {@code m}; {@code names} (index → name) is updated from link events so later lines can use it. */
    public static String render(NlMessage m, Map<Integer, String> names) {
        try {
            if (m.type() == Rtnl.RTM_NEWLINK || m.type() == Rtnl.RTM_DELLINK) {
                LinkMessage l = LinkMessage.decode(m);
                if (l.name() != null) {
                    names.put(l.index(), l.name());
                }
                String line = String.join("\n", IpLinkView.render(List.of(l)));
                if (m.type() == Rtnl.RTM_DELLINK) {
                    names.remove(l.index());
                    return "[LINK]Deleted " + line;
                }
                return "[LINK]" + line;
            }
            if (m.type() == Rtnl.RTM_NEWADDR || m.type() == Rtnl.RTM_DELADDR) {
                AddressMessage a = AddressMessage.decode(m);
                String family = a.header().family() == Rtnl.AF_INET6 ? "inet6" : "inet";
                String dev = names.getOrDefault(a.index(), "if" + a.index());
                return "[ADDR]" + (m.type() == Rtnl.RTM_DELADDR ? "Deleted " : "") + a.index() + ": " + dev
                        + "    " + family + " " + (a.own() == null ? "?" : text(a.own())) + "/"
                        + a.prefixLength() + (a.label() != null && !a.label().equals(dev) ? " " + a.label() : "");
            }
            if (m.type() == Rtnl.RTM_NEWROUTE || m.type() == Rtnl.RTM_DELROUTE) {
                RouteMessage r = RouteMessage.decode(m);
                StringBuilder sb = new StringBuilder("[ROUTE]");
                if (m.type() == Rtnl.RTM_DELROUTE) {
                    sb.append("Deleted ");
                }
                sb.append(r.dst() == null ? "default" : text(r.dst()) + "/" + r.header().dstLength());
                if (r.gateway() != null) {
                    sb.append(" via ").append(text(r.gateway()));
                }
                if (r.oif() != null) {
                    sb.append(" dev ").append(names.getOrDefault(r.oif(), "if" + r.oif()));
                }
                if (r.table() != Rtnl.RT_TABLE_MAIN) {
                    sb.append(" table ").append(r.table() == Rtnl.RT_TABLE_LOCAL ? "local"
                            : Integer.toString(r.table()));
                }
                sb.append(" proto ").append(protocol(r.protocol()));
                if (r.priority() != null) {
                    sb.append(" metric ").append(r.priority());
                }
                return sb.toString();
            }
            return "[" + Rtnl.typeName(m.type()) + "]";
        } catch (MalformedMessageException e) {
            return "[" + Rtnl.typeName(m.type()) + "] malformed: " + e.getMessage();
        }
    }
}
