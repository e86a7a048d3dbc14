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
 */
public final class SqliteBlobStore implements BlobStore {
    private static final int INLINE_ID_LENGTH = 24;

    private final Db db;
    private final BodyReaders readers;
    private final FsBlobStore files;
    private final int inlineMaxBytes;

    SqliteBlobStore(Db db, DataSource readers, FsBlobStore files, int inlineMaxBytes) {
        this.db = db;
        this.readers = new BodyReaders(readers);
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
        byte[] data = readers.read(rowId(id));
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
        return db.read(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM blob_data WHERE id = :id)")
                .bind("id", rowId(id)).mapTo(Boolean.class).one());
    }

    @Override
    public long size(BlobId id) throws IOException {
        if (!isInline(id.value())) {
            return files.size(id);
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
            long id = db.write(tx -> tx.hot.queryLongs("INSERT INTO blob_data (data, created) VALUES (?, ?)"
                    + " RETURNING id", 1, data, now)[0]);
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
