package dev.yubin.store.sql;

import dev.yubin.store.TextScope;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * SQLite 3 with FTS5: a contentless trigram index {@code blob_fts (headers, body)}, rowid = blob
 * row, so a phrase query is a case-insensitive substring match (IMAP SEARCH semantics, RFC 9051
 * §6.4.4) and SEARCH BODY is a query on the {@code body} column alone.
 *
 * <p>Nothing is indexed while a message is accepted: the delivering transaction marks the blob in
 * {@code text_pending}, and the {@link TextIndexer} extracts and indexes it later. Contentless with
 * {@code contentless_delete} keeps no copy of the text: the body is the only source.
 */
final class SqliteDialect implements SqlDialect {

    @Override
    public String migrations() {
        return "classpath:db/migration/sqlite";
    }

    @Override
    public String beginWrite() {
        return "BEGIN IMMEDIATE";
    }

    @Override
    public void markPending(HotStatements hot, long blobId) {
        hot.update("INSERT INTO text_pending (blob_id) VALUES (?)", blobId);
    }

    @Override
    public void dropText(Handle h, long blobId) {
        int pending = h.createUpdate("DELETE FROM text_pending WHERE blob_id = :id").bind("id", blobId).execute();
        if (pending == 0) {
            h.createUpdate("DELETE FROM blob_fts WHERE rowid = :id").bind("id", blobId).execute();
        }
    }

    @Override
    public boolean hasPending(Handle h) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM text_pending)").mapTo(Boolean.class).one();
    }

    @Override
    public List<TextIndexer.Pending> pending(Handle h, int limit) {
        return h.createQuery("SELECT p.blob_id, b.name, b.size FROM text_pending p JOIN blobs b ON b.id = p.blob_id"
                        + " ORDER BY p.blob_id LIMIT :n")
                .bind("n", limit)
                .map((rs, ctx) -> new TextIndexer.Pending(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }

    @Override
    public void index(Handle h, List<TextIndexer.Extracted> texts) {
        PreparedBatch insert = h.prepareBatch("INSERT INTO blob_fts (rowid, headers, body) VALUES (:id, :h, :b)");
        int n = 0;
        for (TextIndexer.Extracted t : texts) {
            int stillPending = h.createUpdate("DELETE FROM text_pending WHERE blob_id = :id").bind("id", t.blobId())
                    .execute();
            if (stillPending == 1) {
                insert.bind("id", t.blobId()).bind("h", t.text().headers()).bind("b", t.text().body()).add();
                n++;
            }
        }
        if (n > 0) {
            insert.execute();
        }
    }

    @Override
    public List<Long> searchIndexed(Handle h, long mailboxId, String needle, TextScope scope) {
        String phrase = "\"" + needle.replace("\"", "\"\"") + "\"";
        String query = scope == TextScope.BODY ? "body : " + phrase : phrase;
        return h.createQuery("SELECT uid FROM messages WHERE mailbox_id = :mb"
                        + " AND blob_id IN (SELECT rowid FROM blob_fts WHERE blob_fts MATCH :q) ORDER BY uid")
                .bind("mb", mailboxId).bind("q", query).mapTo(Long.class).list();
    }

    @Override
    public List<TextIndexer.Unindexed> unindexed(Handle h, long mailboxId) {
        return h.createQuery("SELECT m.uid, b.name FROM messages m JOIN text_pending p ON p.blob_id = m.blob_id"
                        + " JOIN blobs b ON b.id = m.blob_id WHERE m.mailbox_id = :mb ORDER BY m.uid")
                .bind("mb", mailboxId)
                .map((rs, ctx) -> new TextIndexer.Unindexed(rs.getLong(1), rs.getString(2))).list();
    }
}
