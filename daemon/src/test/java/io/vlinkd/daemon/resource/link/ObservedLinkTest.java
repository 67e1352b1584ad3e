package io.vlinkd.daemon.resource.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** A link's line in a snapshot of the state: names instead of indexes, a parent in another namespace by its id. */
class ObservedLinkTest {
    private static final Map<Integer, String> NAMES = Map.of(1, "eth0", 2, "br0", 3, "vx0");

    @Test
    void aLinkReadsWithTheNamesOfItsMasterAndParent() {
        ObservedLink l = new ObservedLink(3, "vx0", null, null, null, 1450, null, true, 2, 1, null, 1000, 6, -1);
        assertThat(l.snapshotLine(NAMES))
                .isEqualTo("vx0 kind=null spec=null mtu=1450 up=true master=br0 parent=eth0 alias=null txqlen=1000");
    }

    @Test
    void aParentInAnotherNamespaceReadsAsItsNamespaceIdAndIndex() {
        ObservedLink l = new ObservedLink(3, "veth0", null, null, null, 1500, null, false, 0, 7, "uplink", 500, 2, 4);
        assertThat(l.snapshotLine(NAMES))
                .isEqualTo("veth0 kind=null spec=null mtu=1500 up=false master=null parent=netns4:7 alias=uplink "
                        + "txqlen=500");
    }
}
