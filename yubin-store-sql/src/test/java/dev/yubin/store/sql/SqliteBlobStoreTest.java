package dev.yubin.store.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.BlobStoreContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The blob contract for bodies in the database and in files (the limit is set low to get both). */
class SqliteBlobStoreTest extends BlobStoreContract {
    private final List<SqliteStore> opened = new ArrayList<>();

    @Override
    protected BlobStore open(Path dir) {
        SqliteStore s = SqliteStore.open(new SqliteStore.Settings(dir, 2, SqliteStore.Settings.DEFAULT_BUSY_TIMEOUT, 64, MimeTexts.EXTRACTOR));
        opened.add(s);
        return s.blobs();
    }

    @Override
    protected void settle(BlobStore store) {
        ((SqliteBlobStore) store).settle();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(SqliteStore::close);
    }

    @Test
    void smallBodiesInlineLargeOnesInFiles() throws Exception {
        SqliteBlobStore store = (SqliteBlobStore) open(dir);
        BlobId small = write(store, "x".repeat(64));
        BlobId large = write(store, "y".repeat(65));
        assertThat(SqliteBlobStore.isInline(small.value())).isTrue();
        assertThat(SqliteBlobStore.isInline(large.value())).isFalse();
        assertThat(store.files().exists(large)).isTrue();
        assertThat(read(store, small)).isEqualTo("x".repeat(64));
        assertThat(read(store, large)).isEqualTo("y".repeat(65));
        assertThat(store.size(small)).isEqualTo(64);
    }
}
