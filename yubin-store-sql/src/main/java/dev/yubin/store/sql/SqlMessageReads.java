package dev.yubin.store.sql;

import dev.yubin.store.Changes;
import dev.yubin.store.MailboxId;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The message reads of {@link dev.yubin.store.MailboxStore}, each one query on a pooled connection. */
final class SqlMessageReads {
    private static final String FROM = " FROM messages m JOIN blobs b ON b.id = m.blob_id";
    private static final int MAX_IN_LIST = 500;

    private final Db db;

    SqlMessageReads(Db db) {
        this.db = db;
    }

    List<MessageRecord> messages(MailboxId mailbox) {
        return db.read(h -> h.createQuery("SELECT " + Rows.MESSAGE_COLUMNS + FROM + " WHERE m.mailbox_id = :mb"
                + " ORDER BY m.uid").bind("mb", mailbox.value()).map(Rows.MESSAGE).list());
    }

    List<String> summaries(MailboxId mailbox, List<Long> uids) {
        if (uids.isEmpty()) {
            return List.of();
        }
        Map<Long, String> found = new HashMap<>();
        db.read(h -> {
            var q = uids.size() <= MAX_IN_LIST
                    ? h.createQuery("SELECT m.uid, b.summary" + FROM + " WHERE m.mailbox_id = :mb AND m.uid IN (<uids>)")
                            .bindList("uids", new ArrayList<>(uids))
                    : h.createQuery("SELECT m.uid, b.summary" + FROM + " WHERE m.mailbox_id = :mb"
                                    + " AND m.uid BETWEEN :lo AND :hi")
                            .bind("lo", uids.stream().mapToLong(Long::longValue).min().orElseThrow())
                            .bind("hi", uids.stream().mapToLong(Long::longValue).max().orElseThrow());
            q.bind("mb", mailbox.value()).map((rs, ctx) -> {
                found.put(rs.getLong(1), rs.getString(2));
                return null;
            }).forEach(x -> { });
            return null;
        });
        List<String> out = new ArrayList<>(uids.size());
        for (Long uid : uids) {
            out.add(found.getOrDefault(uid, ""));
        }
        return out;
    }

    Changes changesSince(MailboxId mailbox, long modSeq) {
        return db.snapshot(h -> {
            long highest = h.createQuery("SELECT highestmodseq FROM mailboxes WHERE id = :id")
                    .bind("id", mailbox.value()).mapTo(Long.class).findOne()
                    .orElseThrow(() -> new StoreException.NotFound("no such mailbox: " + mailbox.value()));
            List<MessageRecord> changed = h.createQuery("SELECT " + Rows.MESSAGE_COLUMNS + FROM
                            + " WHERE m.mailbox_id = :mb AND m.modseq > :ms ORDER BY m.uid")
                    .bind("mb", mailbox.value()).bind("ms", modSeq).map(Rows.MESSAGE).list();
            List<Long> expunged = h.createQuery("SELECT uid FROM expunged WHERE mailbox_id = :mb AND modseq > :ms"
                    + " ORDER BY uid").bind("mb", mailbox.value()).bind("ms", modSeq).mapTo(Long.class).list();
            return new Changes(highest, changed, expunged);
        });
    }

    List<Long> searchText(MailboxId mailbox, String text) {
        if (text.isEmpty()) {
            return db.read(h -> h.createQuery("SELECT uid FROM messages WHERE mailbox_id = :mb ORDER BY uid")
                    .bind("mb", mailbox.value()).mapTo(Long.class).list());
        }
        return db.read(h -> db.dialect.search(h, mailbox.value(), text));
    }
}
