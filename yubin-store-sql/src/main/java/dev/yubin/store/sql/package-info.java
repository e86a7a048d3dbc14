/**
 * The SQL implementation of the storage SPI: {@link dev.yubin.store.sql.SqliteStore} (embedded,
 * one data directory). PostgreSQL will reuse these classes with its own {@code SqlDialect} and
 * migrations.
 *
 * <p>RFCs: 9051 (UID, UIDVALIDITY, flags), 7162 (MODSEQ, expunge tombstones for QRESYNC), 4315
 * (UIDPLUS results), 6851 (MOVE), 6154 (special-use folders), 9208 (quota), 5321 §4.5.1
 * (postmaster).
 *
 * <p>Invariants: all writes of a process go through one writer thread ({@code SqlWriter}) that
 * group-commits them, each call under its own savepoint; a call returns after the commit is
 * durable; listeners and blob file deletions run after the commit. UIDVALIDITY comes from one
 * database-wide sequence, so it never repeats. A blob row (body, summary, search text) lives as
 * long as a message refers to it; its file is deleted after the commit that dropped the last
 * reference, and orphans left by crashes are swept by age.
 *
 * <p>Gaps: listeners hear only changes made by this process (the CLI's changes are not
 * notified); searches shorter than three characters scan the mailbox's texts (slow on very large
 * mailboxes); no PostgreSQL dialect yet.
 */
package dev.yubin.store.sql;
