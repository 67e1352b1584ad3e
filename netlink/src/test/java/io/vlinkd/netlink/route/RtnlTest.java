package io.vlinkd.netlink.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RtnlTest {
    /** Numbers from linux/rtnetlink.h: each family's NEW, DEL, GET, SET in a row from RTM_BASE (16). */
    @Test
    void theDeletionOfEachFamilyIsItsSecondType() {
        assertThat(Rtnl.isDeletion(Rtnl.RTM_DELLINK)).isTrue();
        assertThat(Rtnl.isDeletion(Rtnl.RTM_DELADDR)).isTrue();
        assertThat(Rtnl.isDeletion(Rtnl.RTM_DELROUTE)).isTrue();
        assertThat(Rtnl.isDeletion(29 /* RTM_DELNEIGH */)).isTrue();
        assertThat(Rtnl.isDeletion(105 /* RTM_DELNEXTHOP */)).isTrue();
        assertThat(Rtnl.isDeletion(Rtnl.RTM_NEWLINK)).isFalse();
        assertThat(Rtnl.isDeletion(Rtnl.RTM_NEWADDR)).isFalse();
        assertThat(Rtnl.isDeletion(Rtnl.RTM_NEWROUTE)).isFalse();
        assertThat(Rtnl.isDeletion(18 /* RTM_GETLINK */)).isFalse();
        assertThat(Rtnl.isDeletion(2 /* NLMSG_ERROR */)).isFalse();
    }
}
