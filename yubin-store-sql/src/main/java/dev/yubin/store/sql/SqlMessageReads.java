package dev.yubin.store.sql;

import dev.yubin.store.Changes;
import dev.yubin.store.MailboxId;
import dev.yubin.store.TextScope;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.StoreException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The message reads of {@link dev.yubin.store.MailboxStore}, on pooled connections. */
final class SqlMessageReads {
    private static final String FROM = " FROM messages m JOIN blobs b ON b.id = m.blob_id";
    private static final int MAX_IN_LIST = 500;

    private final Db db;
    private final MessageListCache cache = new MessageListCache();

    SqlMessageReads(Db db) {
        this.db = db;
    }

    /**
     * Every message of the mailbox: from the cache brought up to date with the changes since its
     * MODSEQ (a small indexed query), or one full query when the mailbox is not cached.
     */
    List<MessageRecord> messages(MailboxId mailbox) {
        long id = mailbox.value();
        MessageListCache.Entry cached = cache.get(id);
        MessageListCache.Entry fresh = db.snapshot(h -> {
            Long highest = h.createQuery("SELECT highestmodseq FROM mailboxes WHERE id = :id").bind("id", id)
                    .mapTo(Long.class).findOne().orElse(null);
            if (highest == null) {
                return new MessageListCache.Entry(-1, List.of());
            }
            if (cached != null && cached.modSeq() == highest) {
                return cached;
            }
            if (cached != null) {
                return new MessageListCache.Entry(highest, MessageListCache.apply(cached.messages(),
                        changed(h, id, cached.modSeq()), expunged(h, id, cached.modSeq())));
            }
            return new MessageListCache.Entry(highest, List.copyOf(all(h, id)));
        });
        if (fresh.modSeq() >= 0 && fresh != cached) {
            cache.put(id, fresh);
        }
        return fresh.messages();
    }

    /** One query, no cache (tests compare the cached list with it). */
    List<MessageRecord> messagesUncached(MailboxId mailbox) {
        return db.read(h -> all(h, mailbox.value()));
    }

    private static List<MessageRecord> all(org.jdbi.v3.core.Handle h, long mailbox) {
        return h.createQuery("SELECT " + Rows.MESSAGE_COLUMNS + FROM + " WHERE m.mailbox_id = :mb ORDER BY m.uid")
                .bind("mb", mailbox).map(Rows.MESSAGE).list();
    }

    private static List<MessageRecord> changed(org.jdbi.v3.core.Handle h, long mailbox, long modSeq) {
        return h.createQuery("SELECT " + Rows.MESSAGE_COLUMNS + FROM
                        + " WHERE m.mailbox_id = :mb AND m.modseq > :ms ORDER BY m.uid")
                .bind("mb", mailbox).bind("ms", modSeq).map(Rows.MESSAGE).list();
    }

    private static List<Long> expunged(org.jdbi.v3.core.Handle h, long mailbox, long modSeq) {
        return h.createQuery("SELECT uid FROM expunged WHERE mailbox_id = :mb AND modseq > :ms ORDER BY uid")
                .bind("mb", mailbox).bind("ms", modSeq).mapTo(Long.class).list();
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
            return new Changes(highest, changed(h, mailbox.value(), modSeq), expunged(h, mailbox.value(), modSeq));
        });
    }

    List<Long> searchText(MailboxId mailbox, String text, TextScope scope, TextIndexer index) {
        if (text.isEmpty()) {
            return db.read(h -> h.createQuery("SELECT uid FROM messages WHERE mailbox_id = :mb ORDER BY uid")
                    .bind("mb", mailbox.value()).mapTo(Long.class).list());
        }
        return index.search(mailbox.value(), text, scope);
    }
}
