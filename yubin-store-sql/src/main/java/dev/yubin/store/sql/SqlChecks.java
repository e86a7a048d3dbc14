package dev.yubin.store.sql;

import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * Consistency checks of a store's database (for the crash test and a future {@code yubin check}):
 * the database's own integrity check, foreign keys, and the invariants the store maintains.
 */
final class SqlChecks {
    private SqlChecks() {
    }

    /** Problems found, one line each; empty if none. */
    static List<String> run(Handle h, boolean sqlite) {
        List<String> problems = new ArrayList<>();
        if (sqlite) {
            h.createQuery("PRAGMA integrity_check").mapTo(String.class).list().stream()
                    .filter(s -> !s.equals("ok")).forEach(s -> problems.add("integrity: " + s));
            h.createQuery("PRAGMA foreign_key_check").map((rs, ctx) -> rs.getString(1) + " row " + rs.getLong(2)
                    + " -> " + rs.getString(3)).list().forEach(s -> problems.add("foreign key: " + s));
        }
        problems.addAll(h.createQuery("SELECT 'used_bytes of user ' || u.id || ' is ' || u.used_bytes || ', messages sum to '"
                + " || coalesce(sum(m.size), 0) FROM users u LEFT JOIN mailboxes b ON b.owner_id = u.id"
                + " LEFT JOIN messages m ON m.mailbox_id = b.id GROUP BY u.id, u.used_bytes"
                + " HAVING u.used_bytes <> coalesce(sum(m.size), 0)").mapTo(String.class).list());
        problems.addAll(h.createQuery("SELECT 'mailbox ' || b.id || ': uidnext ' || b.uidnext || ' <= uid ' || max(m.uid)"
                + " FROM mailboxes b JOIN messages m ON m.mailbox_id = b.id GROUP BY b.id, b.uidnext"
                + " HAVING b.uidnext <= max(m.uid)").mapTo(String.class).list());
        problems.addAll(h.createQuery("SELECT 'mailbox ' || b.id || ': highestmodseq ' || b.highestmodseq || ' < '"
                + " || max(m.modseq) FROM mailboxes b JOIN messages m ON m.mailbox_id = b.id"
                + " GROUP BY b.id, b.highestmodseq HAVING b.highestmodseq < max(m.modseq)").mapTo(String.class).list());
        problems.addAll(h.createQuery("SELECT 'blob row ' || b.name || ' has no message' FROM blobs b"
                + " WHERE NOT EXISTS (SELECT 1 FROM messages m WHERE m.blob_id = b.id)"
                + " AND NOT EXISTS (SELECT 1 FROM queue_entries q WHERE q.blob = b.name"
                + " AND q.state NOT IN ('DONE', 'BOUNCED'))").mapTo(String.class).list());
        return problems;
    }
}
