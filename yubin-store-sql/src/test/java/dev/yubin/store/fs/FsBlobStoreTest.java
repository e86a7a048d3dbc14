package dev.yubin.store.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.BlobStoreContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FsBlobStoreTest extends BlobStoreContract {
    @Override
    protected BlobStore open(Path dir) throws IOException {
        return new FsBlobStore(dir.resolve("blobs"));
    }

    @Test
    void layoutIsTwoLevelsOfHexDirectories() throws IOException {
        FsBlobStore store = new FsBlobStore(dir.resolve("blobs"));
        BlobId id = write(store, "x");
        assertThat(id.value()).hasSize(32);
        Path file = store.pathOf(id);
        assertThat(file).isRegularFile();
        assertThat(file.getParent().getFileName().toString()).isEqualTo(id.value().substring(2, 4));
        assertThat(file.getParent().getParent().getFileName().toString()).isEqualTo(id.value().substring(0, 2));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files).as("nothing else left").containsExactly(file);
        }
    }

    @Test
    void crashedWritesAreSweptAsOrphans() throws IOException {
        FsBlobStore store = new FsBlobStore(dir.resolve("blobs"));
        BlobStore.Writer w = store.create(); // a writer that crashed: never committed, never closed
        w.stream().write(1);
        w.stream().flush();
        assertThat(store.sweepOrphans(id -> false, 0)).isEqualTo(1);
        w.close();
    }
}
