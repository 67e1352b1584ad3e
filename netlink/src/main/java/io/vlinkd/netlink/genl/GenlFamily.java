package io.vlinkd.netlink.genl;

import static io.vlinkd.netlink.wire.Netlink.NLM_F_ACK;

import io.vlinkd.netlink.Errno;
import io.vlinkd.netlink.NetlinkException;
import io.vlinkd.netlink.socket.NetlinkSocket;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import io.vlinkd.netlink.wire.RawAttr;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A generic netlink family as the controller describes it: its dynamic id (the nlmsghdr type of its messages), its
 * interface version, and its multicast groups by name. {@code genl ctrl get name team} shows the same.
 *
 * @param multicastGroups group name → group id (join with NETLINK_ADD_MEMBERSHIP), in the kernel's order
 */
public record GenlFamily(String name, int id, int version, int headerSize, int maxAttr,
                         Map<String, Integer> multicastGroups) {

    public GenlFamily {
        multicastGroups = Collections.unmodifiableMap(new LinkedHashMap<>(multicastGroups));
    }

    /** The group's id, if the family has a group of that name. */
    public Optional<Integer> multicastGroup(String group) {
        return Optional.ofNullable(multicastGroups.get(group));
    }

    /** {@code CTRL_CMD_GETFAMILY} for one family by name. */
    public static NlRequest getFamilyRequest(String name) {
        if (name.isEmpty() || name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= Genl.GENL_NAMSIZ) {
            throw new IllegalArgumentException("a generic netlink family name has 1 to " + (Genl.GENL_NAMSIZ - 1)
                    + " bytes: " + name);
        }
        MessageWriter w = GenlHeader.request(Genl.GENL_ID_CTRL, Genl.CTRL_CMD_GETFAMILY, Genl.CTRL_VERSION, NLM_F_ACK);
        w.putString(Genl.CTRL_ATTR_FAMILY_NAME, name);
        return w.finish("CTRL_CMD_GETFAMILY " + name);
    }

    /**
     * Resolves {@code name} through {@code socket} (a NETLINK_GENERIC socket). A family the kernel does not have
     * (its module is not loaded, or it is not built) is ENOENT, said in those words.
     */
    public static GenlFamily resolve(NetlinkSocket socket, String name) throws NetlinkException {
        NlRequest request = getFamilyRequest(name);
        List<NlMessage> replies;
        try {
            replies = socket.query(request);
        } catch (NetlinkException e) {
            if (e.errno() == Errno.ENOENT) {
                throw new NetlinkException(request.summary(), Errno.ENOENT, "this kernel has no generic netlink"
                        + " family \"" + name + "\" (module not loaded or not built)", null, null);
            }
            throw e;
        }
        for (NlMessage m : replies) {
            if (m.type() == Genl.GENL_ID_CTRL) {
                try {
                    return decode(m);
                } catch (MalformedMessageException e) {
                    throw new NetlinkException(request.summary(), 71, "malformed reply: " + e.getMessage(), null,
                            null);
                }
            }
        }
        throw new NetlinkException(request.summary(), Errno.ENOENT, "the controller answered without a family",
                null, null);
    }

    /** Decodes a controller reply ({@code CTRL_CMD_NEWFAMILY}). */
    public static GenlFamily decode(NlMessage m) throws MalformedMessageException {
        if (m.type() != Genl.GENL_ID_CTRL) {
            throw new MalformedMessageException("not a genl controller message: type " + m.type());
        }
        Attrs a = m.attributesAfter(Genl.GENL_HDRLEN);
        String name = a.string(Genl.CTRL_ATTR_FAMILY_NAME).orElseThrow(
                () -> new MalformedMessageException("controller reply without CTRL_ATTR_FAMILY_NAME"));
        long id = a.integer(Genl.CTRL_ATTR_FAMILY_ID).orElseThrow(
                () -> new MalformedMessageException("controller reply without CTRL_ATTR_FAMILY_ID"));
        Map<String, Integer> groups = new LinkedHashMap<>();
        Optional<Attrs> list = a.nested(Genl.CTRL_ATTR_MCAST_GROUPS);
        if (list.isPresent()) {
            for (RawAttr entry : list.get().all()) {
                Attrs g = Attrs.nested(entry);
                Optional<String> groupName = g.string(Genl.CTRL_ATTR_MCAST_GRP_NAME);
                Optional<Long> groupId = g.integer(Genl.CTRL_ATTR_MCAST_GRP_ID);
                if (groupName.isPresent() && groupId.isPresent()) {
                    groups.put(groupName.get(), (int) (long) groupId.get());
                }
            }
        }
        return new GenlFamily(name, (int) id, (int) a.integer(Genl.CTRL_ATTR_VERSION, 0),
                (int) a.integer(Genl.CTRL_ATTR_HDRSIZE, 0), (int) a.integer(Genl.CTRL_ATTR_MAXATTR, 0), groups);
    }
}
