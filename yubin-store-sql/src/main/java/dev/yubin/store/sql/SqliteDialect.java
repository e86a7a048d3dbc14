package dev.yubin.store.sql;

import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * SQLite 3 with FTS5: a contentless trigram index {@code blob_fts} over {@code blob_texts}, so a
 * phrase query is a case-insensitive substring match (IMAP SEARCH semantics, RFC 9051 §6.4.4).
 *
 * <p>Indexing a text costs several times the rest of a delivery, so it is deferred: the
 * delivering transaction stores the text and marks it pending; the writer indexes pending texts
 * when idle. A search combines the index with a scan of the pending texts of the mailbox, so it
 * never misses a committed message. Needles shorter than three characters (no trigram) scan the
 * mailbox's texts. Scans use {@code yubin_contains} (see {@link SqliteFunctions}).
 */
final class SqliteDialect implements SqlDialect {
    /**
     * Text indexed per idle transaction (about 10 ms of trigram work): a delivery that arrives
     * meanwhile waits at most that long.
     */
    private static final int INDEX_SLICE_CHARS = 32 * 1024;
    private static final int INDEX_SLICE_ROWS = 64;

    @Override
    public String migrations() {
        return "classpath:db/migration/sqlite";
    }

    @Override
    public String beginWrite() {
        return "BEGIN IMMEDIATE";
    }

    @Override
    public void storeText(HotStatements hot, long blobId, String content) {
        hot.update("INSERT INTO blob_texts (blob_id, content) VALUES (?, ?)", blobId, content);
        hot.update("INSERT INTO text_pending (blob_id) VALUES (?)", blobId);
    }

    @Override
    public void dropText(Handle h, long blobId) {
        int pending = h.createUpdate("DELETE FROM text_pending WHERE blob_id = :id").bind("id", blobId).execute();
        if (pending == 0) {
            h.createUpdate("DELETE FROM blob_fts WHERE rowid = :id").bind("id", blobId).execute();
        }
        h.createUpdate("DELETE FROM blob_texts WHERE blob_id = :id").bind("id", blobId).execute();
    }

    @Override
    public boolean hasIdleWork(Handle h) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM text_pending)").mapTo(Boolean.class).one();
    }

    @Override
    public boolean indexSome(Handle h) {
        record Text(long id, String content) {
        }
        List<Text> texts = h.createQuery("SELECT p.blob_id, t.content FROM text_pending p"
                        + " JOIN blob_texts t ON t.blob_id = p.blob_id ORDER BY p.blob_id LIMIT :n")
                .bind("n", INDEX_SLICE_ROWS).map((rs, ctx) -> new Text(rs.getLong(1), rs.getString(2))).list();
        int chars = 0;
        int done = 0;
        for (Text t : texts) {
            h.createUpdate("INSERT INTO blob_fts (rowid, content) VALUES (:id, :c)")
                    .bind("id", t.id()).bind("c", t.content()).execute();
            h.createUpdate("DELETE FROM text_pending WHERE blob_id = :id").bind("id", t.id()).execute();
            done++;
            chars += t.content().length();
            if (chars >= INDEX_SLICE_CHARS) {
                break;
            }
        }
        return done == INDEX_SLICE_ROWS || done < texts.size();
    }

    @Override
    public List<Long> search(Handle h, long mailboxId, String needle) {
        if (needle.codePointCount(0, needle.length()) < 3) {
            return h.createQuery("SELECT m.uid FROM messages m JOIN blob_texts t ON t.blob_id = m.blob_id"
                            + " WHERE m.mailbox_id = :mb AND yubin_contains(t.content, :needle) = 1 ORDER BY m.uid")
                    .bind("mb", mailboxId).bind("needle", needle).mapTo(Long.class).list();
        }
        String phrase = "\"" + needle.replace("\"", "\"\"") + "\"";
        return h.createQuery("SELECT uid FROM messages WHERE mailbox_id = :mb"
                        + " AND blob_id IN (SELECT rowid FROM blob_fts WHERE blob_fts MATCH :phrase)"
                        + " UNION SELECT m.uid FROM messages m JOIN text_pending p ON p.blob_id = m.blob_id"
                        + " JOIN blob_texts t ON t.blob_id = m.blob_id"
                        + " WHERE m.mailbox_id = :mb AND yubin_contains(t.content, :needle) = 1"
                        + " ORDER BY 1")
                .bind("mb", mailboxId).bind("phrase", phrase).bind("needle", needle).mapTo(Long.class).list();
    }
}
