package dev.yubin.store.sql;

import dev.yubin.store.TextScope;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * What differs between the SQL databases Yubin runs on: transaction start and the full-text
 * index. Everything else in this package is portable SQL (ANSI plus {@code RETURNING} and
 * {@code ON CONFLICT}, which SQLite and PostgreSQL share).
 */
interface SqlDialect {

    /** Flyway location of this database's migrations. */
    String migrations();

    /** Starts a write transaction that takes the write lock at once (no lock upgrade later). */
    String beginWrite();

    /** Marks a new blob row for indexing (in the writing transaction). */
    void markPending(HotStatements hot, long blobId);

    /** Forgets the indexed or pending text of a blob row being deleted. */
    void dropText(Handle h, long blobId);

    /** True if some blob waits for indexing (a read, outside any transaction). */
    boolean hasPending(Handle h);

    /** Up to {@code limit} blobs waiting for indexing, oldest first (a read). */
    List<TextIndexer.Pending> pending(Handle h, int limit);

    /**
     * Indexes texts extracted outside the transaction, skipping blobs that were deleted (or indexed)
     * meanwhile: only a blob still pending is indexed, so the index never outlives its blob.
     */
    void index(Handle h, List<TextIndexer.Extracted> texts);

    /**
     * UIDs of the mailbox whose indexed text in {@code scope} contains {@code needle}
     * case-insensitively ({@code needle} of three characters or more), ascending.
     */
    List<Long> searchIndexed(Handle h, long mailboxId, String needle, TextScope scope);

    /** UID and blob name of the mailbox's messages not indexed yet (a search scans those). */
    List<TextIndexer.Unindexed> unindexed(Handle h, long mailboxId);

    SqlDialect SQLITE = new SqliteDialect();

}
