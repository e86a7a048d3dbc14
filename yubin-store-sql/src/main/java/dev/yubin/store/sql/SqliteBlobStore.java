package dev.yubin.store.sql;

import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.fs.FsBlobStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * {@link BlobStore} that keeps bodies up to a size limit in the database and larger ones in an
 * {@link FsBlobStore}. A small body becomes durable as one row of the writer's next group commit
 * (one log fsync shared by every concurrent writer) instead of a file and directory fsync of its
 * own: that is what lets many SMTP sessions deliver small messages at once.
 *
 * <p>Ids of inline bodies are 24 hex digits encoding the row id (never reused); file ids have 32.
 * A writer buffers up to the limit in memory and moves to a file as soon as the body is larger.
 *
 * <p>Committing an inline body does not wait for its own group commit: the row (with an id taken
 * from this process's counter) is queued to the writer, and the body is served from memory until
 * it is in. The delivery, append or queue entry that refers to it is queued after it by the same
 * thread, so it commits in the same transaction or a later one; and it checks that the row is there
 * ({@link #requireInline}), so a body whose insert failed fails its delivery instead of leaving a
 * message without a body. One writer round trip per message instead of two.
 */
public final class SqliteBlobStore implements BlobStore {
    private static final int INLINE_ID_LENGTH = 24;

    private final Db db;
    private final BodyReaders readers;
    private final FsBlobStore files;
    private final int inlineMaxBytes;
    /** The last inline row id handed out (ids are never reused: AUTOINCREMENT's sequence or above). */
    private final java.util.concurrent.atomic.AtomicLong lastInlineId;
    /** Inline bodies committed but whose row is not in yet, by row id. */
    private final java.util.concurrent.ConcurrentHashMap<Long, byte[]> unwritten = new java.util.concurrent.ConcurrentHashMap<>();

    SqliteBlobStore(Db db, DataSource readers, FsBlobStore files, int inlineMaxBytes) {
        this.db = db;
        this.readers = new BodyReaders(readers);
        this.lastInlineId = new java.util.concurrent.atomic.AtomicLong(db.read(h -> h.createQuery(
                "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'blob_data'), 0),"
                        + " coalesce((SELECT max(id) FROM blob_data), 0))").mapTo(Long.class).one()));
        this.files = files;
        this.inlineMaxBytes = inlineMaxBytes;
    }

    static boolean isInline(String blobName) {
        return blobName.length() == INLINE_ID_LENGTH;
    }

    static long rowId(BlobId id) {
        return Long.parseUnsignedLong(id.value().substring(8), 16);
    }

    private static BlobId inlineId(long rowId) {
        return new BlobId(String.format("%024x", rowId));
    }

    /** The file store used for bodies over the inline limit. */
    public FsBlobStore files() {
        return files;
    }

    @Override
    public Writer create() {
        return new HybridWriter();
    }

    @Override
    public InputStream open(BlobId id) throws IOException {
        if (!isInline(id.value())) {
            return files.open(id);
        }
        long row = rowId(id);
        byte[] data = unwritten.get(row);
        if (data == null) {
            data = readers.read(row);
        }
        if (data == null) {
            throw new NoSuchFileException("blob " + id);
        }
        return new ByteArrayInputStream(data);
    }

    /** True if the blob exists (committed and not deleted). */
    public boolean exists(BlobId id) {
        if (!isInline(id.value())) {
            return files.exists(id);
        }
        if (unwritten.containsKey(rowId(id))) {
            return true;
        }
        return db.read(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM blob_data WHERE id = :id)")
                .bind("id", rowId(id)).mapTo(Boolean.class).one());
    }

    @Override
    public long size(BlobId id) throws IOException {
        if (!isInline(id.value())) {
            return files.size(id);
        }
        byte[] pending = unwritten.get(rowId(id));
        if (pending != null) {
            return pending.length;
        }
        Optional<Long> size = db.read(h -> h.createQuery("SELECT length(data) FROM blob_data WHERE id = :id")
                .bind("id", rowId(id)).mapTo(Long.class).findOne());
        return size.orElseThrow(() -> new NoSuchFileException("blob " + id));
    }

    @Override
    public void delete(BlobId id) throws IOException {
        if (!isInline(id.value())) {
            files.delete(id);
            return;
        }
        db.writeVoid(tx -> tx.handle.createUpdate("DELETE FROM blob_data WHERE id = :id").bind("id", rowId(id)).execute());
    }

    @Override
    public int sweepOrphans(Predicate<BlobId> referenced, long minAgeMillis) throws IOException {
        settle(); // every inline body committed before this call is in
        long cutoff = (System.currentTimeMillis() - minAgeMillis) / 1000;
        // ordered along the index on created (V11): ORDER BY id alone makes SQLite scan the table and
        // read every stored body on the way
        List<Long> old = db.read(h -> h.createQuery("SELECT id FROM blob_data WHERE created <= :c"
                        + " ORDER BY created, id")
                .bind("c", cutoff).mapTo(Long.class).list());
        List<Long> orphans = old.stream().filter(id -> !referenced.test(inlineId(id))).toList();
        for (Long id : orphans) {
            db.writeVoid(tx -> tx.handle.createUpdate("DELETE FROM blob_data WHERE id = :id").bind("id", id).execute());
        }
        return orphans.size() + files.sweepOrphans(referenced, minAgeMillis);
    }

    /**
     * Inside a write transaction that makes {@code blobName} part of a message or a queue entry: for an
     * inline body, fails unless its row is in (its queued insert ran before and did not fail).
     */
    static void requireInline(HotStatements hot, String blobName) {
        if (isInline(blobName) && hot.queryLong("SELECT id FROM blob_data WHERE id = ?",
                Long.parseUnsignedLong(blobName.substring(8), 16)).isEmpty()) {
            throw new dev.yubin.store.StoreException("message body " + blobName + " was not stored");
        }
    }

    /** Returns once every inline body committed before the call is in the database. */
    void settle() {
        db.write(tx -> null);
    }

    /** Closes the kept body readers. */
    void close() {
        readers.close();
    }

    /** Buffers in memory; moves to a file writer once the body outgrows the inline limit. */
    private final class HybridWriter implements Writer {
        private ByteArrayOutputStream buffer = new ByteArrayOutputStream(8192);
        private Writer file;
        private boolean done;
        private final OutputStream stream = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (done) {
                    throw new IOException("blob writer closed");
                }
                if (file == null && buffer.size() + len > inlineMaxBytes) {
                    file = files.create();
                    buffer.writeTo(file.stream());
                    buffer = null;
                }
                if (file != null) {
                    file.stream().write(b, off, len);
                } else {
                    buffer.write(b, off, len);
                }
            }
        };

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public BlobId commit() throws IOException {
            if (done) {
                throw new IOException("blob writer already closed");
            }
            done = true;
            if (file != null) {
                return file.commit();
            }
            byte[] data = buffer.toByteArray();
            buffer = null;
            long now = System.currentTimeMillis() / 1000;
            long id = lastInlineId.incrementAndGet();
            unwritten.put(id, data);
            db.submit(tx -> tx.hot.update("INSERT INTO blob_data (id, data, created) VALUES (?, ?, ?)", id, data, now))
                    .whenComplete((r, e) -> unwritten.remove(id)); // the referring write fails if it is not in
            return inlineId(id);
        }

        @Override
        public void close() throws IOException {
            done = true;
            buffer = null;
            if (file != null) {
                file.close();
            }
        }
    }
}
