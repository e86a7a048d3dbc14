package dev.yubin.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@link BlobStore} contract. Subclasses say how to open a store over a directory. */
public abstract class BlobStoreContract {
    @TempDir
    protected Path dir;

    /** Opens a blob store keeping its files under {@code dir}; reopening the same dir sees the same blobs. */
    protected abstract BlobStore open(Path dir) throws IOException;

    protected static BlobId write(BlobStore store, String content) throws IOException {
        try (BlobStore.Writer w = store.create()) {
            w.stream().write(content.getBytes(StandardCharsets.UTF_8));
            return w.commit();
        }
    }

    protected static String read(BlobStore store, BlobId id) throws IOException {
        try (InputStream in = store.open(id)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void committedBlobReadsBackWithItsSize() throws IOException {
        BlobStore store = open(dir);
        BlobId id = write(store, "Subject: hi\r\n\r\nbody\r\n");
        assertThat(read(store, id)).isEqualTo("Subject: hi\r\n\r\nbody\r\n");
        assertThat(store.size(id)).isEqualTo(21);
    }

    @Test
    void emptyAndLargeBlobs() throws IOException {
        BlobStore store = open(dir);
        BlobId empty = write(store, "");
        assertThat(store.size(empty)).isZero();
        String big = "x".repeat(1_000_000);
        BlobId large = write(store, big);
        assertThat(read(store, large)).isEqualTo(big);
    }

    @Test
    void idsAreDistinct() throws IOException {
        BlobStore store = open(dir);
        Set<BlobId> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(write(store, "same"));
        }
        assertThat(ids).hasSize(50);
    }

    @Test
    void abandonedWriteLeavesNothing() throws IOException {
        BlobStore store = open(dir);
        try (BlobStore.Writer w = store.create()) {
            w.stream().write("never committed".getBytes(StandardCharsets.UTF_8));
        }
        assertThat(store.sweepOrphans(id -> false, 0)).isZero();
    }

    @Test
    void deleteRemovesTheBlob() throws IOException {
        BlobStore store = open(dir);
        BlobId id = write(store, "gone soon");
        store.delete(id);
        assertThatThrownBy(() -> store.open(id).close()).isInstanceOf(IOException.class);
        store.delete(id); // deleting twice is harmless
    }

    /**
     * Waits until blobs committed on {@code store} are visible to another instance on the same data
     * (a store that queues bodies behind its metadata writes, see {@link BlobStore}); default: nothing.
     */
    protected void settle(BlobStore store) throws IOException {
    }

    @Test
    void blobsSurviveReopen() throws IOException {
        BlobStore first = open(dir);
        BlobId id = write(first, "durable");
        settle(first);
        assertThat(read(open(dir), id)).isEqualTo("durable");
    }

    @Test
    void sweepRemovesOnlyOldUnreferencedBlobs() throws IOException {
        BlobStore store = open(dir);
        BlobId kept = write(store, "kept");
        BlobId orphan = write(store, "orphan");
        assertThat(store.sweepOrphans(id -> false, 3_600_000)).as("too young").isZero();
        assertThat(store.sweepOrphans(id -> id.equals(kept), 0)).isEqualTo(1);
        assertThat(read(store, kept)).isEqualTo("kept");
        assertThatThrownBy(() -> store.open(orphan).close()).isInstanceOf(IOException.class);
    }

    @Test
    void concurrentWritersAllCommit() throws Exception {
        BlobStore store = open(dir);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<BlobId>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String content = "message " + i;
                futures.add(pool.submit(() -> write(store, content)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertThat(read(store, futures.get(i).get())).isEqualTo("message " + i);
            }
        } finally {
            pool.shutdown();
        }
    }
}
