package dev.yubin.store.sql;

import dev.yubin.store.BlobId;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;

/**
 * Access to the store's database for other tables that live in it (the outbound queue in
 * {@code dev.yubin.store.sql.queue}): reads on the reader pool, writes through the store's one
 * writer so they share its group commit. A write returns only after its transaction committed.
 */
public final class SqlAccess {
    private final Db db;

    SqlAccess(Db db) {
        this.db = db;
    }

    /** Reads on a pooled connection. */
    public <T> T read(Function<Handle, T> work) {
        return db.read(work);
    }

    /** Several reads from one consistent snapshot. */
    public <T> T snapshot(Function<Handle, T> work) {
        return db.snapshot(work);
    }

    /** Runs {@code work} in the writer's next group commit (under its own savepoint) and waits for the commit. */
    public <T> T write(Function<Handle, T> work) {
        return db.write(tx -> work.apply(tx.handle));
    }

    /**
     * Inside a {@link #write}: when no message uses blob {@code name} any more, drops its blob row
     * (and search text) if it has one, and returns the blob, whose file the caller deletes after
     * the commit; empty while a message still uses it. The caller checks its own references first.
     */
    public Optional<BlobId> releaseUnusedBlob(Handle h, String name) {
        Optional<Long> row = h.createQuery("SELECT id FROM blobs WHERE name = :n").bind("n", name).mapTo(Long.class)
                .findOne();
        if (row.isPresent()) {
            boolean used = h.createQuery("SELECT EXISTS (SELECT 1 FROM messages WHERE blob_id = :id)")
                    .bind("id", row.get()).mapTo(Boolean.class).one();
            if (used) {
                return Optional.empty();
            }
            db.dialect.dropText(h, row.get());
            h.createUpdate("DELETE FROM blobs WHERE id = :id").bind("id", row.get()).execute();
        }
        return Optional.of(new BlobId(name));
    }

    /**
     * Inside a {@link #write}: deletes the body of a released blob in the same transaction when it
     * is stored inline (a row, no file), so freeing it costs no commit of its own. Returns true if
     * it did; false for a file blob, which the caller deletes after the commit.
     */
    public boolean deleteInlineBody(Handle h, BlobId blob) {
        if (!SqliteBlobStore.isInline(blob.value())) {
            return false;
        }
        h.createUpdate("DELETE FROM blob_data WHERE id = :id").bind("id", SqliteBlobStore.rowId(blob)).execute();
        return true;
    }

    /** The {@code blob_data} row holding an inline body, or 0 for a body in a file. */
    public static long inlineRow(BlobId blob) {
        return SqliteBlobStore.isInline(blob.value()) ? SqliteBlobStore.rowId(blob) : 0;
    }
}
