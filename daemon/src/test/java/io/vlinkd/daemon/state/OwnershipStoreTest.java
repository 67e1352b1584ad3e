package io.vlinkd.daemon.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.vlinkd.daemon.resource.address.AddressType;
import io.vlinkd.daemon.resource.address.OwnedAddress;
import io.vlinkd.daemon.resource.link.LinkIntent;
import io.vlinkd.daemon.resource.link.OwnedLink;
import io.vlinkd.daemon.resource.route.OwnedRoute;
import io.vlinkd.daemon.resource.route.RouteType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnershipStoreTest {
    @TempDir
    Path dir;

    /** Reads a ledger file "owned" with this content. */
    private OwnershipStore.Reading read(String content) throws IOException {
        Files.writeString(dir.resolve("owned"), content);
        return new OwnershipStore(dir.resolve("owned")).read();
    }

    @Test
    void savesAndLoadsWhatVlinkdCreated() throws IOException {
        OwnershipStore store = new OwnershipStore(dir.resolve("sub/owned"));
        Ownership o = Ownership.of(List.of(new OwnedLink("br0", 5, "bridge"), new OwnedLink("v0", 7, "veth")));
        store.save(o);
        assertThat(store.load()).isEqualTo(o);
        assertThat(store.load().owns("br0", 5)).isTrue();
        assertThat(store.load().owns("br0", 6)).as("a namesake with another index is not ours").isFalse();
    }

    @Test
    void routesAndAddressesAreSavedAndLoadedPerNamespace() throws IOException {
        OwnershipStore store = new OwnershipStore(dir.resolve("owned"));
        java.net.InetAddress net = java.net.InetAddress.getByName("198.51.100.0");
        java.net.InetAddress v6 = java.net.InetAddress.getByName("2001:db8::10");
        Ownership own = Ownership.of(List.of(new OwnedLink("br0", 5, "bridge")))
                .withLines(RouteType.TYPE, List.of(new OwnedRoute(net, 24, 254, 0),
                        new OwnedRoute(v6, 128, 4000000000L, 1024)))
                .withLines(AddressType.TYPE, List.of(new OwnedAddress("br0", 5, v6, 64)));
        Ownership blue = Ownership.none().withLines(AddressType.TYPE, List.of(new OwnedAddress("eth0", 2, net, 30)));
        store.save(own);
        store.inNetns("blue").save(blue);

        assertThat(store.load()).isEqualTo(own);
        assertThat(store.inNetns("blue").load()).isEqualTo(blue);
        assertThat(Files.readString(store.file())).contains("\nroute 198.51.100.0/24 254 0\n",
                "\nroute 2001:db8::10/128 4000000000 1024\n", "\naddress br0 5 2001:db8::10/64\n",
                "\naddress eth0 2 198.51.100.0/30 netns=blue\n");
        assertThat(store.read().damaged()).isFalse();
    }

    @Test
    void badRouteAndAddressLinesAreDamage() throws IOException {
        OwnershipStore.Reading r = read(OwnershipStore.HEADER + "\nroute 198.51.100.0/24 254\n"
                + "route example.com/24 254 0\naddress br0 5 10.0.0.1/33\naddress br0 5 10.0.0.1/24\n");
        assertThat(r.damage()).hasSize(3);
        assertThat(r.ownership().lines(AddressType.TYPE)).hasSize(1);
    }

    @Test
    void aMissingFileMeansNothingIsOwned() throws IOException {
        assertThat(new OwnershipStore(dir.resolve("none")).load().links()).isEmpty();
    }

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryBehind() throws IOException {
        OwnershipStore store = new OwnershipStore(dir.resolve("owned"));
        store.save(Ownership.of(List.of(new OwnedLink("a", 1, "bridge"))));
        store.save(Ownership.of(List.of(new OwnedLink("b", 2, "bridge"))));
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("owned");
        }
        assertThat(store.load().get("a")).isEmpty();
        assertThat(Files.readString(dir.resolve("owned"))).contains("link b 2 bridge");
    }

    @Test
    void intentsAreSavedAndLoadedBesideTheLinks() throws IOException {
        OwnershipStore store = new OwnershipStore(dir.resolve("owned"));
        Ownership o = Ownership.of(List.of(new OwnedLink("br0", 5, "bridge")),
                List.of(new LinkIntent("v0", "veth", 5), new LinkIntent("v0p", "veth", 5)));
        store.save(o);
        assertThat(store.load()).isEqualTo(o);
        assertThat(Files.readString(dir.resolve("owned"))).startsWith("# vlinkd ownership v1")
                .contains("\nintent v0 veth 5\n");
        assertThat(store.load().owns("v0", 6)).as("an intent is not ownership yet").isFalse();
    }

    @Test
    void aLedgerOfTheFirstFormatStillLoads() throws IOException {
        OwnershipStore.Reading r = read(
                "# vlinkd ownership v1: links vlinkd created (name ifindex kind)\nlink br0 5 bridge\n");
        assertThat(r.damage()).isEmpty();
        assertThat(r.ownership().owns("br0", 5)).isTrue();
    }

    @Test
    void aBadLineIsDamageNamingFileAndLineAndTheOtherLinesAreKept() throws IOException {
        OwnershipStore.Reading r = read(OwnershipStore.HEADER + "\nlink br0 x bridge\nlink br1 7 bridge\n"
                + "link br2 8 bridg\nroute? 1 2\n");
        assertThat(r.damage()).hasSize(3);
        assertThat(r.damage().get(0)).contains("owned:2").contains("ifindex");
        assertThat(r.damage().get(1)).contains("owned:4").contains("unknown kind 'bridg'");
        assertThat(r.damage().get(2)).contains("owned:5").contains("unknown line type");
        assertThat(r.ownership().links()).extracting(OwnedLink::name).containsExactly("br1");
        assertThat(r.lost()).containsExactly("br0", "br2");
    }

    @Test
    void aLastLineWithoutItsNewlineIsCutShortAndNotTrusted() throws IOException {
        OwnershipStore.Reading r = read(OwnershipStore.HEADER + "\nlink br0 5 bridge\nlink br1 1");
        assertThat(r.damage()).singleElement().asString().contains("owned:3").contains("cut short");
        assertThat(r.ownership().links()).extracting(OwnedLink::name).containsExactly("br0");
        assertThat(r.lost()).containsExactly("br1");
    }

    @Test
    void anEmptyOrBinaryOrHeaderlessLedgerIsDamageAndOwnsNothing() throws IOException {
        Path f = dir.resolve("owned");
        OwnershipStore store = new OwnershipStore(f);
        Files.write(f, new byte[0]);
        assertThat(store.read().damage()).singleElement().asString().contains("empty");
        Files.write(f, new byte[] {(byte) 0xc3, 0x28, 0, 10});
        assertThat(store.read().damage()).singleElement().asString().contains(f.toString()).contains("not text");
        Files.writeString(f, "link br0 5 bridge\n");
        assertThat(store.read().damage()).singleElement().asString().contains("owned:1").contains("header");
        assertThat(store.read().ownership()).isEqualTo(Ownership.none());
    }

    @Test
    void repairKeepsADamagedCopyAndRewritesTheIntactLinesOnce() throws IOException {
        Path f = dir.resolve("owned");
        String damaged = OwnershipStore.HEADER + "\nlink br0 5 bridge\nlink br1 6 bridg\n";
        Files.writeString(f, damaged);
        OwnershipStore store = new OwnershipStore(f, Clock.fixed(Instant.parse("2026-12-02T18:00:00Z"),
                ZoneOffset.UTC));

        Ownership o = store.loadAndRepair();

        assertThat(o.links()).extracting(OwnedLink::name).containsExactly("br0");
        assertThat(Files.readString(dir.resolve("owned.damaged-20261202T180000.000Z"))).isEqualTo(damaged);
        assertThat(store.read().damaged()).isFalse();
        assertThat(store.read().ownership()).isEqualTo(o);
    }

    @Test
    void eachNamespaceIsAPartitionOfTheSameFileAndOldLinesAreTheOwnNamespaces() throws IOException {
        Path file = dir.resolve("owned");
        // Written before namespaces were managed.
        Files.writeString(file, "# vlinkd ownership v1: links vlinkd created (name ifindex kind)\nlink br0 5 bridge\n");
        OwnershipStore own = new OwnershipStore(file);
        OwnershipStore blue = own.inNetns("blue");
        assertThat(own.load().links()).containsExactly(new OwnedLink("br0", 5, "bridge"));
        assertThat(blue.load().links()).isEmpty();

        blue.save(Ownership.of(List.of(new OwnedLink("br0", 9, "bridge"))));
        assertThat(Files.readAllLines(file)).contains("link br0 5 bridge", "link br0 9 bridge netns=blue");
        assertThat(own.load().links()).containsExactly(new OwnedLink("br0", 5, "bridge"));
        assertThat(blue.load().links()).containsExactly(new OwnedLink("br0", 9, "bridge"));
        assertThat(own.namespaces()).containsExactly("blue");

        own.save(Ownership.none());
        assertThat(blue.load().links()).as("another namespace's lines are kept").hasSize(1);
        blue.save(Ownership.none());
        assertThat(own.namespaces()).isEmpty();
    }
}
