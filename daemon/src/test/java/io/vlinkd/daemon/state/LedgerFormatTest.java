package io.vlinkd.daemon.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.ResourceType;
import io.vlinkd.daemon.resource.ResourceTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger file byte for byte: the header, the order of its lines and the damage each bad line is reported as.
 * Every resource type writes and reads its own lines; the file they make together is the one earlier versions wrote
 * and read, so a daemon can be upgraded and downgraded over the same file.
 */
class LedgerFormatTest {
    private static final String HEADER = "# vlinkd ownership v1: link NAME IFINDEX KIND [netns=NS] (created), "
            + "intent NAME KIND AFTER [netns=NS] (being created), route DST/LEN TABLE METRIC [netns=NS], "
            + "address LINK IFINDEX ADDR/LEN [netns=NS], neighbour LINK IFINDEX ADDRESS [netns=NS], "
            + "proxy LINK IFINDEX ADDRESS [netns=NS], "
            + "fdb LINK IFINDEX MAC VLAN DST VNI PORT STICKY [netns=NS], "
            + "mdb LINK IFINDEX PORT GROUP VLAN [netns=NS], vlan LINK IFINDEX VID [netns=NS], rule RULE [netns=NS], "
            + "vlan-tunnel LINK IFINDEX VID [netns=NS], nexthop ID [netns=NS]\n";

    @TempDir
    Path dir;

    @Test
    void aSaveWritesTheOtherNamespacesLinesAsTheyWereThenLinksIntentsRoutesAndAddresses() throws IOException {
        Path file = dir.resolve("owned");
        String blue = "link br1 9 bridge netns=blue\n"
                + "address eth0 2 198.51.100.0/30 netns=blue\n"
                + "route 10.0.0.0/8 254 0 netns=blue\n";
        String own = "link br0 5 bridge\n"
                + "intent v0 veth 5\n"
                + "route 198.51.100.0/24 254 0\n"
                + "route 2001:db8::10/128 4000000000 1024\n"
                + "address br0 5 2001:db8::10/64\n"
                + "address br0 5 192.0.2.1/24\n"
                + "neighbour br0 5 192.0.2.9\n"
                + "neighbour br0 5 2001:db8::9\n"
                + "fdb v0 6 02:00:00:00:00:10 10 - - - sticky\n"
                + "fdb vx0 7 00:00:00:00:00:00 - 2001:db8::2 43 4790 -\n"
                + "mdb br0 5 v0 239.1.1.1 -\n"
                + "mdb br0 5 br0 ff0e::5 10\n"
                + "vlan v0 6 10\n"
                + "vlan br0 5 4094\n"
                + "rule priority=100,from=10.1.0.0/16,table=100\n"
                + "rule family=inet6,priority=100,from=2001:db8::/32,table=100\n"
                + "vlan-tunnel vx0 7 10\n"
                + "nexthop 1\n"
                + "nexthop 4294967295\n";
        Files.writeString(file, HEADER + blue + own);
        OwnershipStore store = new OwnershipStore(file);

        store.save(store.load());
        assertThat(Files.readString(file)).isEqualTo(HEADER + blue + own);

        OwnershipStore inBlue = store.inNetns("blue");
        inBlue.save(inBlue.load());
        assertThat(Files.readString(file)).isEqualTo(HEADER + own
                + "link br1 9 bridge netns=blue\n"
                + "route 10.0.0.0/8 254 0 netns=blue\n"
                + "address eth0 2 198.51.100.0/30 netns=blue\n");
    }

    @Test
    void eachBadLineOfAResourceTypeIsReported() throws IOException {
        Path file = dir.resolve("owned");
        String[] lines = {
            "route 198.51.100.0/24 254",
            "route example.com/24 254 0",
            "route 10.0.0.0/8 0 0",
            "route 10.0.0.0/8 254 x",
            "route 10.0.0.0/8 254 netns=blue",
            "route 10.0.0.0/8 254 0 netns=a/b",
            "address br0 5",
            "address br0/ 5 10.0.0.1/24",
            "address br0 0 10.0.0.1/24",
            "address br0 5 10.0.0.1/33",
            "address br0 5 10.0.0.1/24 netns=blue extra",
            "neighbour br0 5",
            "neighbour br0 x 192.0.2.9",
            "neighbour br0 5 192.0.2.9/24",
            "neighbour br0 5 example.com",
            "fdb v0 6 02:00:00:00:00:10 0 - - - -",
            "fdb v0 6 02:00:00:00:10 - - - - -",
            "fdb vx0 7 00:00:00:00:00:00 - 192.0.2.2/32 - - -",
            "fdb vx0 7 00:00:00:00:00:00 - 192.0.2.2 16777216 - -",
            "fdb v0 6 02:00:00:00:00:10 - - - - yes",
            "mdb br0 5 v0 192.0.2.1 -",
            "mdb br0 5 v0 239.1.1.1 4095",
            "vlan v0 6 0",
            "vlan v0 6 10 20",
            "vlan-tunnel vx0 7 4095",
            "rule 1 2 3",
            "rule table=100",
            "nexthop 1 2",
            "nexthop 0",
            "nexthop 4294967296",
            "frobnicate 1 2 3",
        };
        Files.writeString(file, HEADER + String.join("\n", lines) + "\n");

        OwnershipStore.Reading r = new OwnershipStore(file).read();

        String[] problems = {
            "not 'route DST/LEN TABLE METRIC [netns=NS]'",
            "DST/LEN is not an address with a prefix length",
            "TABLE is not a positive number",
            "METRIC is not a number",
            "METRIC is not a number",
            "not 'route DST/LEN TABLE METRIC [netns=NS]'",
            "not 'address LINK IFINDEX ADDR/LEN [netns=NS]'",
            "not an interface name",
            "ifindex is not a positive number",
            "ADDR/LEN is not an address with a prefix length",
            "not 'address LINK IFINDEX ADDR/LEN [netns=NS]'",
            "not 'neighbour LINK IFINDEX ADDRESS [netns=NS]'",
            "ifindex is not a positive number",
            "ADDRESS is not an IP address",
            "ADDRESS is not an IP address",
            "VLAN is not - or 1..4094",
            "MAC is not a MAC address",
            "DST is not - or an IP address",
            "VNI is not - or a VNI",
            "STICKY is not - or sticky",
            "GROUP is not a multicast address",
            "VLAN is not - or 1..4094",
            "VID is not 1..4094",
            "not 'vlan LINK IFINDEX VID [netns=NS]'",
            "VID is not 1..4094",
            "not 'rule RULE [netns=NS]'",
            "RULE does not begin with priority=",
            "not 'nexthop ID [netns=NS]'",
            "ID is not a number 1..4294967295",
            "ID is not a number 1..4294967295",
            "unknown line type 'frobnicate'",
        };
        assertThat(r.damage()).hasSize(lines.length);
        for (int i = 0; i < lines.length; i++) {
            assertThat(r.damage().get(i))
                    .isEqualTo(file + ":" + (i + 2) + ": " + problems[i] + ": '" + lines[i] + "'");
        }
        assertThat(r.ownership()).isEqualTo(Ownership.none());
        assertThat(r.lost()).isEmpty();
    }

    @Test
    void everyResourceTypeWritesItsLinesUnderAWordOfItsOwn() {
        assertThat(ResourceTypes.IN_LEDGER).containsExactlyInAnyOrderElementsOf(ResourceTypes.ALL);
        assertThat(ResourceTypes.IN_LEDGER.stream().map(ResourceType::ledgerWord).toList())
                .doesNotHaveDuplicates().doesNotContain("link", "intent");
    }
}
