package dev.yubin.store.sql;

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

    /** Keeps the search text of a new blob row (in the writing transaction). */
    void storeText(HotStatements hot, long blobId, String content);

    /** Forgets the search text of a blob row being deleted. */
    void dropText(Handle h, long blobId);

    /** True if {@link #indexSome} has work (a read, outside any transaction). */
    boolean hasIdleWork(Handle h);

    /**
     * Background work for an idle writer, in its own transaction: indexes some stored texts not
     * yet indexed. Returns true if there may be more to do.
     */
    boolean indexSome(Handle h);

    /** UIDs of the mailbox whose search text contains {@code needle} case-insensitively, ascending. */
    List<Long> search(Handle h, long mailboxId, String needle);

    SqlDialect SQLITE = new SqliteDialect();
}
