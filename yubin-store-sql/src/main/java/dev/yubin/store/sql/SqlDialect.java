package dev.yubin.store.sql;

/**
 * What differs between the SQL databases Yubin runs on. Everything else in this package is
 * portable SQL (ANSI plus {@code RETURNING} and {@code ON CONFLICT}, which SQLite and PostgreSQL
 * share).
 */
interface SqlDialect {

    /** Flyway location of this database's migrations. */
    String migrations();

    /** Starts a write transaction that takes the write lock at once (no lock upgrade later). */
    String beginWrite();

    /** Adds the search text of blob {@code :id}: binds {@code id} and {@code content}. */
    String insertText();

    /** Removes the search text of blob {@code :id}. */
    String deleteText();

    /**
     * UIDs of mailbox {@code :mailbox} whose search text contains {@code :needle}
     * case-insensitively, ascending.
     */
    String searchText(String needle);

    /** The value bound as {@code :needle} for {@link #searchText}. */
    String needle(String text);

    /** SQLite 3 with FTS5 and its trigram tokenizer. */
    SqlDialect SQLITE = new SqlDialect() {
        @Override
        public String migrations() {
            return "classpath:db/migration/sqlite";
        }

        @Override
        public String beginWrite() {
            return "BEGIN IMMEDIATE";
        }

        @Override
        public String insertText() {
            return "INSERT INTO blob_text (rowid, content) VALUES (:id, :content)";
        }

        @Override
        public String deleteText() {
            return "DELETE FROM blob_text WHERE rowid = :id";
        }

        @Override
        public String searchText(String needle) {
            if (isShort(needle)) {
                // trigrams need three characters: scan this mailbox's texts instead
                return "SELECT m.uid FROM messages m JOIN blob_text t ON t.rowid = m.blob_id"
                        + " WHERE m.mailbox_id = :mailbox AND instr(lower(t.content), lower(:needle)) > 0"
                        + " ORDER BY m.uid";
            }
            return "SELECT uid FROM messages WHERE mailbox_id = :mailbox AND blob_id IN"
                    + " (SELECT rowid FROM blob_text WHERE blob_text MATCH :needle) ORDER BY uid";
        }

        @Override
        public String needle(String text) {
            // an FTS5 phrase: with the trigram tokenizer, a case-insensitive substring match
            return isShort(text) ? text : "\"" + text.replace("\"", "\"\"") + "\"";
        }

        private boolean isShort(String text) {
            return text.codePointCount(0, text.length()) < 3;
        }
    };
}
