package io.vlinkd.daemon.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnershipStoreTest {
    @TempDir
    Path dir;

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
    void aCorruptLineIsAnErrorNamingFileAndLine() throws IOException {
        Files.writeString(dir.resolve("owned"), "# header\nlink br0 x bridge\n");
        assertThatThrownBy(() -> new OwnershipStore(dir.resolve("owned")).load()).isInstanceOf(IOException.class)
                .hasMessageContaining("owned:2");
    }

    @Test
    void eachNamespaceIsAPartitionOfTheSameFileAndOldLinesAreTheOwnNamespaces() throws IOException {
        Path file = dir.resolve("owned");
        Files.writeString(file, "# written before namespaces were managed\nlink br0 5 bridge\n");
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
