package dev.yubin.store;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Immutable message bodies. A blob is durable no later than the metadata that refers to it, in
 * one of two ways: a store of files makes it durable in {@link Writer#commit()} (file and
 * directory fsync'd before the id is returned); a store that keeps bodies in the same database as
 * the metadata may instead queue it, in order, so that it commits in the same transaction as (or
 * before) the next metadata write of the committing thread, and must then refuse metadata whose
 * body did not make it. Either way the blob is readable through the store as soon as
 * {@code commit} returns. No id is known before {@code commit} returns, so nobody reads a
 * partial blob. Blobs not referenced by any metadata after a crash are garbage and may be
 * removed by {@link #sweepOrphans}.
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

        /** Makes the blob durable (or queues it, see above) and returns its id. */
        BlobId commit() throws IOException;

        /** Abandons the blob unless committed. */
        @Override
        void close() throws IOException;
    }
}
