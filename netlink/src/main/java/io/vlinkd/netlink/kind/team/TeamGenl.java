package io.vlinkd.netlink.kind.team;

import io.vlinkd.netlink.wire.Attr;
import io.vlinkd.netlink.wire.AttrSpace;
import io.vlinkd.netlink.wire.AttrType;
import io.vlinkd.netlink.wire.Attrs;
import io.vlinkd.netlink.wire.MalformedMessageException;
import io.vlinkd.netlink.wire.MessageWriter;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.Netlink;
import io.vlinkd.netlink.wire.NlRequest;
import io.vlinkd.netlink.wire.RawAttr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The messages of the generic netlink {@code team} family ({@code <linux/if_team.h>}, {@code drivers/net/team/}):
 * building TEAM_CMD_OPTIONS_SET / TEAM_CMD_OPTIONS_GET requests and decoding the option list they answer with.
 * Pure: no socket. The family id is dynamic (resolve "team" through the genl controller).
 *
 * <p>Layout of an option set, as {@code team_nl_cmd_options_set} parses it:
 * <pre>
 * nlmsghdr (type = family id) | genlmsghdr (cmd TEAM_CMD_OPTIONS_SET, version TEAM_GENL_VERSION)
 * TEAM_ATTR_TEAM_IFINDEX u32
 * TEAM_ATTR_LIST_OPTION {
 *   TEAM_ATTR_ITEM_OPTION { TEAM_ATTR_OPTION_NAME "mode", TEAM_ATTR_OPTION_TYPE u8 NLA_STRING,
 *                           TEAM_ATTR_OPTION_DATA "activebackup" }
 * }
 * </pre>
 * Nests carry NLA_F_NESTED (accepted by every kernel, required by strict policies).
 */
public final class TeamGenl {
    private TeamGenl() {
    }

    /** TEAM_GENL_NAME. */
    public static final String FAMILY = "team";
    /** TEAM_GENL_VERSION. */
    public static final int VERSION = 1;
    /** TEAM_STRING_MAX_LEN: longest string option value, without the NUL. */
    public static final int STRING_MAX_LEN = 32;

    /** enum TEAM_CMD_*. */
    public static final int TEAM_CMD_NOOP = 0;
    public static final int TEAM_CMD_OPTIONS_SET = 1;
    public static final int TEAM_CMD_OPTIONS_GET = 2;
    public static final int TEAM_CMD_PORT_LIST_GET = 3;

    /** enum TEAM_ATTR_*. */
    public static final Attr TEAM_ATTR_TEAM_IFINDEX = Attr.of("TEAM_ATTR_TEAM_IFINDEX", 1, AttrType.U32);
    public static final Attr TEAM_ATTR_LIST_OPTION = Attr.of("TEAM_ATTR_LIST_OPTION", 2, AttrType.NESTED);
    public static final Attr TEAM_ATTR_LIST_PORT = Attr.of("TEAM_ATTR_LIST_PORT", 3, AttrType.NESTED);
    public static final AttrSpace TEAM_ATTRS = AttrSpace.of("TEAM_ATTR", TEAM_ATTR_TEAM_IFINDEX,
            TEAM_ATTR_LIST_OPTION, TEAM_ATTR_LIST_PORT);

    /** enum TEAM_ATTR_ITEM_OPTION_*: each entry of TEAM_ATTR_LIST_OPTION. */
    public static final Attr TEAM_ATTR_ITEM_OPTION = Attr.of("TEAM_ATTR_ITEM_OPTION", 1, AttrType.NESTED);

    /** enum TEAM_ATTR_OPTION_*: inside one TEAM_ATTR_ITEM_OPTION. DATA's type is given by OPTION_TYPE. */
    public static final Attr TEAM_ATTR_OPTION_NAME = Attr.of("TEAM_ATTR_OPTION_NAME", 1, AttrType.STRING);
    public static final Attr TEAM_ATTR_OPTION_CHANGED = Attr.of("TEAM_ATTR_OPTION_CHANGED", 2, AttrType.FLAG);
    public static final Attr TEAM_ATTR_OPTION_TYPE = Attr.of("TEAM_ATTR_OPTION_TYPE", 3, AttrType.U8);
    public static final Attr TEAM_ATTR_OPTION_DATA = Attr.of("TEAM_ATTR_OPTION_DATA", 4, AttrType.BINARY);
    public static final Attr TEAM_ATTR_OPTION_REMOVED = Attr.of("TEAM_ATTR_OPTION_REMOVED", 5, AttrType.FLAG);
    public static final Attr TEAM_ATTR_OPTION_PORT_IFINDEX =
            Attr.of("TEAM_ATTR_OPTION_PORT_IFINDEX", 6, AttrType.U32);
    public static final Attr TEAM_ATTR_OPTION_ARRAY_INDEX = Attr.of("TEAM_ATTR_OPTION_ARRAY_INDEX", 7, AttrType.U32);
    public static final AttrSpace TEAM_ATTR_OPTIONS = AttrSpace.of("TEAM_ATTR_OPTION", TEAM_ATTR_OPTION_NAME,
            TEAM_ATTR_OPTION_CHANGED, TEAM_ATTR_OPTION_TYPE, TEAM_ATTR_OPTION_DATA, TEAM_ATTR_OPTION_REMOVED,
            TEAM_ATTR_OPTION_PORT_IFINDEX, TEAM_ATTR_OPTION_ARRAY_INDEX);

    /** The DATA attribute of a string option, written with its NUL as libteam's nla_put_string does. */
    private static final Attr OPTION_DATA_STRING = Attr.of("TEAM_ATTR_OPTION_DATA", 4, AttrType.STRING);
    private static final Attr OPTION_DATA_U32 = Attr.of("TEAM_ATTR_OPTION_DATA", 4, AttrType.U32);
    private static final Attr OPTION_DATA_S32 = Attr.of("TEAM_ATTR_OPTION_DATA", 4, AttrType.S32);
    private static final Attr OPTION_DATA_FLAG = Attr.of("TEAM_ATTR_OPTION_DATA", 4, AttrType.FLAG);

    /**
     * The option types on the wire: the kernel's {@code enum netlink_attribute_type} values (include/net/netlink.h)
     * that team_nl_cmd_options_set maps to TEAM_OPTION_TYPE_*: NLA_U32 3, NLA_STRING 5, NLA_FLAG 6 (bool),
     * NLA_BINARY 11, NLA_S32 14.
     */
    public enum OptionType {
        U32(3), STRING(5), BOOL(6), BINARY(11), S32(14);

        final int nla;

        OptionType(int nla) {
            this.nla = nla;
        }

        public int nla() {
            return nla;
        }

        static Optional<OptionType> ofNla(int nla) {
            for (OptionType t : values()) {
                if (t.nla == nla) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * One team option as the kernel reports it, or as we set it.
     *
     * @param value       String (STRING), Long (U32, S32), Boolean (BOOL) or byte[] (BINARY)
     * @param portIfindex for per-port options (e.g. "enabled"), the port's ifindex, else empty
     * @param arrayIndex  for array options, the index, else empty
     */
    public record TeamOption(String name, OptionType type, Object value, Optional<Integer> portIfindex,
                             Optional<Integer> arrayIndex) {

        /** A team-wide string option ("mode"). */
        public static TeamOption string(String name, String value) {
            return new TeamOption(name, OptionType.STRING, value, Optional.empty(), Optional.empty());
        }

        /** A team-wide u32 option ("activeport", which holds a port's ifindex). */
        public static TeamOption u32(String name, long value) {
            return new TeamOption(name, OptionType.U32, value, Optional.empty(), Optional.empty());
        }
    }

    /** TEAM_CMD_OPTIONS_GET for the team with {@code ifindex}: the kernel answers with every option. */
    public static NlRequest optionsGet(int familyId, int ifindex, String teamName) {
        MessageWriter w = header(familyId, TEAM_CMD_OPTIONS_GET);
        w.putInt(TEAM_ATTR_TEAM_IFINDEX, ifindex);
        return w.finish("TEAM_CMD_OPTIONS_GET " + teamName);
    }

    /** TEAM_CMD_OPTIONS_SET of team-wide string, u32, s32 or bool options, in the given order. */
    public static NlRequest optionsSet(int familyId, int ifindex, String teamName, List<TeamOption> options) {
        if (options.isEmpty()) {
            throw new IllegalArgumentException("an options set needs at least one option");
        }
        MessageWriter w = header(familyId, TEAM_CMD_OPTIONS_SET);
        w.putInt(TEAM_ATTR_TEAM_IFINDEX, ifindex);
        StringBuilder summary = new StringBuilder("TEAM_CMD_OPTIONS_SET " + teamName);
        try (var list = w.nestFlagged(TEAM_ATTR_LIST_OPTION)) {
            for (TeamOption o : options) {
                try (var item = w.nestFlagged(TEAM_ATTR_ITEM_OPTION)) {
                    w.putString(TEAM_ATTR_OPTION_NAME, o.name());
                    w.putInt(TEAM_ATTR_OPTION_TYPE, o.type().nla());
                    switch (o.type()) {
                        case STRING -> {
                            String s = (String) o.value();
                            if (s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > STRING_MAX_LEN) {
                                throw new IllegalArgumentException("team option " + o.name() + ": a string has at"
                                        + " most " + STRING_MAX_LEN + " bytes");
                            }
                            w.putString(OPTION_DATA_STRING, s);
                        }
                        case U32 -> w.putInt(OPTION_DATA_U32, (Long) o.value());
                        case S32 -> w.putInt(OPTION_DATA_S32, (Long) o.value());
                        // A bool is NLA_FLAG-typed: DATA present (no payload) for true, absent for false
                        // (team_nl_cmd_options_set: "ctx.data.bool_val = attr_data ? true : false").
                        case BOOL -> {
                            if ((Boolean) o.value()) {
                                w.putFlag(OPTION_DATA_FLAG);
                            }
                        }
                        case BINARY -> w.putBytes(TEAM_ATTR_OPTION_DATA, (byte[]) o.value());
                    }
                    o.portIfindex().ifPresent(p -> w.putInt(TEAM_ATTR_OPTION_PORT_IFINDEX, p));
                    o.arrayIndex().ifPresent(i -> w.putInt(TEAM_ATTR_OPTION_ARRAY_INDEX, i));
                }
                summary.append(' ').append(o.name()).append('=').append(o.value());
            }
        }
        return w.finish(summary.toString());
    }

    private static MessageWriter header(int familyId, int cmd) {
        // Family ids start at NLMSG_MIN_TYPE (16, the controller's own); below are netlink's control messages.
        if (familyId < 16 || familyId > 0xffff) {
            throw new IllegalArgumentException("not a generic netlink family id: " + familyId);
        }
        // struct genlmsghdr: cmd u8, version u8, reserved u16.
        return MessageWriter.request(familyId, Netlink.NLM_F_ACK).u8(cmd).u8(VERSION).u16(0);
    }

    /**
     * Decodes the options of every TEAM_CMD_OPTIONS_GET answer (the kernel may split the list over several
     * NLM_F_MULTI messages). Options flagged removed are skipped; unknown option types keep their raw bytes.
     */
    public static List<TeamOption> decodeOptions(List<NlMessage> replies) throws MalformedMessageException {
        List<TeamOption> out = new ArrayList<>();
        for (NlMessage m : replies) {
            Attrs top = m.attributesAfter(4);
            Optional<Attrs> list = top.nested(TEAM_ATTR_LIST_OPTION);
            if (list.isEmpty()) {
                continue;
            }
            for (RawAttr item : list.get().all()) {
                if (item.type() != TEAM_ATTR_ITEM_OPTION.type()) {
                    continue;
                }
                Attrs o = Attrs.nested(item);
                if (o.flag(TEAM_ATTR_OPTION_REMOVED)) {
                    continue;
                }
                String name = o.string(TEAM_ATTR_OPTION_NAME).orElseThrow(
                        () -> new MalformedMessageException("team option without TEAM_ATTR_OPTION_NAME"));
                int nla = (int) o.integer(TEAM_ATTR_OPTION_TYPE).orElseThrow(
                        () -> new MalformedMessageException("team option " + name + " without TEAM_ATTR_OPTION_TYPE"))
                        .longValue();
                OptionType type = OptionType.ofNla(nla).orElse(OptionType.BINARY);
                Optional<RawAttr> data = o.raw(TEAM_ATTR_OPTION_DATA);
                Object value = switch (type) {
                    case STRING -> o.string(OPTION_DATA_STRING).orElse("");
                    case U32 -> data.isPresent() ? Attrs.readInteger(OPTION_DATA_U32, data.get()) : 0L;
                    case S32 -> data.isPresent() ? Attrs.readInteger(OPTION_DATA_S32, data.get()) : 0L;
                    // The kernel writes a true bool as a present DATA attribute and a false one as absent.
                    case BOOL -> data.isPresent();
                    case BINARY -> data.map(RawAttr::payload).orElse(new byte[0]);
                };
                out.add(new TeamOption(name, type, value,
                        o.integer(TEAM_ATTR_OPTION_PORT_IFINDEX).map(Long::intValue),
                        o.integer(TEAM_ATTR_OPTION_ARRAY_INDEX).map(Long::intValue)));
            }
        }
        return out;
    }

    /** The team-wide (not per-port, not array) option {@code name}, if reported. */
    public static Optional<TeamOption> find(List<TeamOption> options, String name) {
        return options.stream()
                .filter(o -> o.name().equals(name) && o.portIfindex().isEmpty() && o.arrayIndex().isEmpty())
                .findFirst();
    }
}
