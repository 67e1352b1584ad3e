package io.vlinkd.netlink.kind.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vlinkd.netlink.kind.team.TeamGenl.OptionType;
import io.vlinkd.netlink.kind.team.TeamGenl.TeamOption;
import io.vlinkd.netlink.wire.NlMessage;
import io.vlinkd.netlink.wire.NlRequest;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Byte-level tests of the team genl messages, written from {@code <linux/if_team.h>} and
 * {@code team_nl_cmd_options_set}/{@code team_nl_fill_one_option}. There is no iproute2 capture for these (teamnl,
 * from libteam, is not installed here and this kernel has no team), so the expected bytes are spelled out by hand.
 */
class TeamGenlTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void optionsSetOfTheModeHasTheLayoutTheKernelParses() {
        NlRequest r = TeamGenl.optionsSet(0x1c, 5, "team0", List.of(TeamOption.string("mode", "activebackup")));
        String expected = ""
                + "4c000000" + "1c00" + "0500" + "00000000" + "00000000" // nlmsghdr: len 76, family 0x1c, REQUEST|ACK
                + "01010000"                                            // genlmsghdr: OPTIONS_SET, version 1
                + "08000100" + "05000000"                               // TEAM_ATTR_TEAM_IFINDEX 5
                + "30000280"                                            // TEAM_ATTR_LIST_OPTION (NLA_F_NESTED)
                + "2c000180"                                            //  TEAM_ATTR_ITEM_OPTION (NLA_F_NESTED)
                + "09000100" + "6d6f646500" + "000000"                  //   TEAM_ATTR_OPTION_NAME "mode"
                + "05000300" + "05" + "000000"                          //   TEAM_ATTR_OPTION_TYPE NLA_STRING
                + "11000400" + "6163746976656261636b757000" + "000000"; //   TEAM_ATTR_OPTION_DATA "activebackup"
        assertThat(HEX.formatHex(r.bytes())).isEqualTo(expected);
        assertThat(r.summary()).isEqualTo("TEAM_CMD_OPTIONS_SET team0 mode=activebackup");
        assertThat(r.attributePathAt(48))
                .isEqualTo("TEAM_ATTR_LIST_OPTION/TEAM_ATTR_ITEM_OPTION/TEAM_ATTR_OPTION_TYPE");
    }

    @Test
    void theActivePortIsAU32Ifindex() {
        NlRequest r = TeamGenl.optionsSet(0x1c, 5, "team0", List.of(TeamOption.u32("activeport", 7)));
        String expected = ""
                + "44000000" + "1c00" + "0500" + "00000000" + "00000000" // nlmsghdr: len 68
                + "01010000"                                            // genlmsghdr: OPTIONS_SET, version 1
                + "08000100" + "05000000"                               // TEAM_ATTR_TEAM_IFINDEX 5
                + "28000280"                                            // TEAM_ATTR_LIST_OPTION (NLA_F_NESTED)
                + "24000180"                                            //  TEAM_ATTR_ITEM_OPTION (NLA_F_NESTED)
                + "0f000100" + "616374697665706f727400" + "00"          //   TEAM_ATTR_OPTION_NAME "activeport"
                + "05000300" + "03" + "000000"                          //   TEAM_ATTR_OPTION_TYPE NLA_U32
                + "08000400" + "07000000";                              //   TEAM_ATTR_OPTION_DATA 7
        assertThat(HEX.formatHex(r.bytes())).isEqualTo(expected);
        assertThat(r.summary()).isEqualTo("TEAM_CMD_OPTIONS_SET team0 activeport=7");
    }

    @Test
    void optionsGetAsksForOneTeam() {
        NlRequest r = TeamGenl.optionsGet(0x1c, 5, "team0");
        assertThat(HEX.formatHex(r.bytes())).isEqualTo("1c000000" + "1c00" + "0500" + "0000000000000000"
                + "02010000" + "08000100" + "05000000");
    }

    @Test
    void boolOptionsAreAFlagWhenTrueAndAbsentWhenFalse() {
        TeamOption on = new TeamOption("enabled", OptionType.BOOL, true, Optional.of(7), Optional.empty());
        TeamOption off = new TeamOption("enabled", OptionType.BOOL, false, Optional.of(8), Optional.empty());
        NlRequest r = TeamGenl.optionsSet(0x1c, 5, "team0", List.of(on, off));
        String hex = HEX.formatHex(r.bytes());
        // item 1: name, type NLA_FLAG (6), DATA with no payload, port ifindex 7
        assertThat(hex).contains("0c000100656e61626c656400" + "050003000600000004000400" + "0800060007000000");
        // item 2: name, type, no DATA, port ifindex 8
        assertThat(hex).contains("0c000100656e61626c656400" + "05000300060000000800060008000000");
    }

    @Test
    void aStringLongerThanTheKernelTakesIsRefused() {
        assertThatThrownBy(() -> TeamGenl.optionsSet(0x1c, 5, "team0",
                List.of(TeamOption.string("mode", "x".repeat(33)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 32 bytes");
    }

    @Test
    void aControlMessageTypeIsNotAFamily() {
        assertThatThrownBy(() -> TeamGenl.optionsGet(3, 5, "team0")).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * A reply as team_nl_send_options_get builds it: "mode" (string, changed), "enabled" of port 7 (bool true),
     * "mcast_rejoin_count" (u32 0) and a removed array option, which is skipped.
     */
    static final String REPLY = "c80000001c0002000000000000000000020100000800010005000000ac0002802c0001800900"
            + "01006d6f6465000000000400020005000300050000000f000400726f756e64726f62696e0000240001800c000100656e61"
            + "626c65640005000300060000000400040008000600070000002c000180170001006d636173745f72656a6f696e5f636f75"
            + "6e740000050003000300000008000400000000002c000180120001006c625f686173685f7374617473000000050003000b"
            + "000000040005000800070003000000";

    @Test
    void decodesTheOptionList() throws Exception {
        List<TeamOption> options = TeamGenl.decodeOptions(List.of(NlMessage.parseOne(HEX.parseHex(REPLY))));
        assertThat(options).hasSize(3);
        assertThat(options.get(0)).isEqualTo(TeamOption.string("mode", "roundrobin"));
        assertThat(options.get(1)).isEqualTo(new TeamOption("enabled", OptionType.BOOL, true, Optional.of(7),
                Optional.empty()));
        assertThat(options.get(2)).isEqualTo(new TeamOption("mcast_rejoin_count", OptionType.U32, 0L,
                Optional.empty(), Optional.empty()));
        assertThat(TeamGenl.find(options, "mode")).contains(TeamOption.string("mode", "roundrobin"));
        assertThat(TeamGenl.find(options, "enabled")).isEmpty();
    }
}
