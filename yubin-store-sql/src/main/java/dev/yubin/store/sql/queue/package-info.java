/**
 * The outbound queue on the embedded SQLite database: {@link dev.yubin.store.sql.queue.SqliteQueueStore}.
 *
 * <p>Invariants: every write goes through the store's one writer (group commit, durable on
 * return); claims are leases ({@code lease_until}); an unfinished entry holds its blob (trigger
 * {@code blobs_keep_queued} and {@code SqliteStore.isBlobReferenced}).
 *
 * <p>Gaps: SQLite only (the PostgreSQL version will claim with {@code FOR UPDATE SKIP LOCKED}).
 */
package dev.yubin.store.sql.queue;
