package dev.yubin.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Immutable message bodies. A blob becomes durable in {@link Writer#commit()}: its bytes and
 * its name are on stable storage (file and directory fsync'd) when {@code commit} returns its id,
 * before the metadata that refers to it is committed. No id is known before {@code commit}
 * returns, so nobody reads a partial blob. Blobs not referenced by any metadata after a crash
 * are garbage and may be removed by {@link #sweepOrphans}.
 */
public interface BlobStore {

    /** Starts a new blob. Close without commit to abandon it. */
    Writer create() throws IOException;

    InputStream open(BlobId id) throws IOException;

    long size(BlobId id) throws IOException;

    void delete(BlobId id) throws IOException;

    /** Removes blobs older than {@code minAgeMillis} for which {@code referenced} is false. Returns the count. */
    int sweepOrphans(java.util.function.Predicate<BlobId> referenced, long minAgeMillis) throws IOException;

    /** A blob being written. */
    interface Writer extends Closeable {
        OutputStream stream();

        /** Makes the blob durable and returns its id. */
        BlobId commit() throws IOException;

        /** Abandons the blob unless committed. */
        @Override
        void close() throws IOException;
    }
}
