package io.vlinkd.daemon.reconcile;

import io.vlinkd.daemon.resource.link.ObservedLink;
import io.vlinkd.netlink.kind.EncodeContext;
import io.vlinkd.netlink.route.Rtnl;
import io.vlinkd.netlink.wire.AttrLocation;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Renders a plan for {@code vlinkctl plan}: each step as its equivalent {@code ip} command, or as the request bytes
 * annotated by attribute name ({@code --format netlink}), in wave order. Interfaces the plan creates have no index
 * yet: their requests show index 0 (the apply fills in the real one), and the rendering says so.
 */
public final class PlanRenderer {
    private PlanRenderer() {
    }

    /** One line per step: {@code ip link add vx42 type vxlan id 42 ...  # /etc/vlinkd/10.yaml:4:5}. */
    public static List<String> ipCommands(Plan plan) {
        List<String> out = new ArrayList<>();
        for (Step s : plan.steps()) {
            out.add(s.ipCommand() + (s.where() == null ? "" : "  # " + s.where()));
        }
        return out;
    }

    /** One block per step: a comment line, then the annotated request. */
    public static List<String> netlink(Plan plan) {
        EncodeContext ctx = context(plan.observed());
        List<String> out = new ArrayList<>();
        for (Step s : plan.steps()) {
            StringBuilder sb = new StringBuilder("# ").append(s.link()).append(": ").append(s.operation())
                    .append(" (").append(s.ipCommand()).append(')');
            if (s.where() != null) {
                sb.append(" ").append(s.where());
            }
            sb.append('\n');
            if (s.write(ctx) instanceof Write.RtnlRequest r) {
                annotate(r.request(), sb);
            } else {
                // Generic netlink: the operation reads the kernel's values first and builds its messages then.
                sb.append("generic netlink: ").append(s.ipCommand()).append('\n');
            }
            out.add(sb.toString());
        }
        return out;
    }

    /** The request's bytes, one line per header and attribute, each named by its path. */
    public static String annotate(NlRequest r) {
        StringBuilder sb = new StringBuilder();
        annotate(r, sb);
        return sb.toString();
    }

    private static void annotate(NlRequest r, StringBuilder sb) {
        byte[] b = r.bytes();
        sb.append(Rtnl.typeName(r.type())).append(" flags=").append(flagNames(r.flags())).append(" len=")
                .append(b.length).append('\n');
        List<AttrLocation> locs = new ArrayList<>(r.locations());
        locs.sort(Comparator.comparingInt(AttrLocation::offset).thenComparing(l -> -l.length()));
        int firstAttr = locs.isEmpty() ? b.length : locs.get(0).offset();
        line(sb, b, 0, Netlink.NLMSG_HDRLEN, "nlmsghdr");
        if (firstAttr > Netlink.NLMSG_HDRLEN) {
            line(sb, b, Netlink.NLMSG_HDRLEN, firstAttr - Netlink.NLMSG_HDRLEN, familyHeader(r.type()));
        }
        for (int i = 0; i < locs.size(); i++) {
            AttrLocation l = locs.get(i);
            boolean nest = i + 1 < locs.size() && locs.get(i + 1).offset() < l.offset() + l.length()
                    && locs.get(i + 1).offset() > l.offset();
            int depth = (int) l.path().chars().filter(c -> c == '/').count();
            String indent = "  ".repeat(depth);
            if (nest) {
                line(sb, b, l.offset(), Netlink.NLA_HDRLEN, indent + l.path() + " (nest of " + l.length() + ")");
            } else {
                line(sb, b, l.offset(), Math.min(l.length(), b.length - l.offset()), indent + l.path());
            }
        }
    }

    private static void line(StringBuilder sb, byte[] b, int offset, int length, String name) {
        String hex = HexFormat.ofDelimiter(" ").formatHex(b, offset, offset + length);
        sb.append(String.format("  %04x  %-48s %s%n", offset, hex, name));
    }

    private static String familyHeader(int type) {
        return switch (type) {
            case Rtnl.RTM_NEWLINK, Rtnl.RTM_DELLINK, Rtnl.RTM_GETLINK, Rtnl.RTM_SETLINK -> "ifinfomsg";
            case Rtnl.RTM_NEWADDR, Rtnl.RTM_DELADDR, Rtnl.RTM_GETADDR -> "ifaddrmsg";
            case Rtnl.RTM_NEWROUTE, Rtnl.RTM_DELROUTE, Rtnl.RTM_GETROUTE -> "rtmsg";
            default -> "header";
        };
    }

    private static String flagNames(int flags) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<Integer, String> e : List.of(Map.entry(Netlink.NLM_F_REQUEST, "REQUEST"),
                Map.entry(Netlink.NLM_F_ACK, "ACK"), Map.entry(Netlink.NLM_F_REPLACE, "REPLACE"),
                Map.entry(Netlink.NLM_F_EXCL, "EXCL"), Map.entry(Netlink.NLM_F_CREATE, "CREATE"))) {
            if ((flags & e.getKey()) != 0) {
                names.add(e.getValue());
            }
        }
        return String.join("|", names);
    }

    /** Indexes of existing interfaces; 0 for those the plan creates (and -1 for namespace fds). */
    private static EncodeContext context(ObservedState observed) {
        Map<String, ObservedLink> links = observed.byName();
        return new EncodeContext() {
            @Override
            public int ifindex(String name) {
                ObservedLink l = links.get(name);
                return l == null ? 0 : l.index();
            }

            @Override
            public int netnsFd(String netns) {
                return -1;
            }
        };
    }
}
