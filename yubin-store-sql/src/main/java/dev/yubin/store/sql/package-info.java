/**
 * The SQL implementation of the storage SPI: {@link dev.yubin.store.sql.SqliteStore} (embedded,
 * one data directory) with {@link dev.yubin.store.sql.SqliteBlobStore} for bodies. PostgreSQL
 * will reuse these classes with its own {@code SqlDialect} and migrations.
 *
 * <p>RFCs: 9051 (UID, UIDVALIDITY, flags), 7162 (MODSEQ, expunge tombstones for QRESYNC), 4315
 * (UIDPLUS results), 6851 (MOVE), 6154 (special-use folders), 9208 (quota), 5321 §4.5.1
 * (postmaster).
 *
 * <p>Invariants:
 * <ul>
 *   <li>All writes of a process go through one writer thread ({@code SqlWriter}) that
 *       group-commits them, each call under its own savepoint; a call returns after the commit
 *       is durable ({@code synchronous=FULL}); listeners and blob file deletions run after it.
 *   <li>Bodies up to 64 KiB are rows of the database (written in the group commit), larger ones
 *       files ({@code FsBlobStore}); a blob row ({@code blobs}: summary) lives as
 *       long as a message or an unfinished queue entry refers to it.
 *   <li>UIDVALIDITY comes from one database-wide sequence, so it never repeats; user and mailbox
 *       ids are never reused.
 *   <li>Every change to a mailbox's messages raises its HIGHESTMODSEQ; the message list cache
 *       relies on it.
 *   <li>A delivery only marks its blob for indexing; the {@code TextIndexer} extracts the text
 *       from the stored body (the configured {@code TextExtractor}) and indexes it (FTS5 trigram,
 *       header and body columns) while the writer is idle; searches extract the text of messages
 *       not yet indexed on the spot, so they never miss a message.
 *   <li>WAL checkpoints run on their own thread, never inside a writer's commit.
 * </ul>
 *
 * <p>Gaps: listeners hear only changes made by this process (the CLI's changes are not
 * notified); under a long steady write load the search index lags and searches scan more;
 * searches shorter than three characters read every body of the mailbox; no PostgreSQL dialect yet.
 */
package dev.yubin.store.sql;
