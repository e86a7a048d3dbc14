package dev.yubin.store.sql.queue;

import dev.yubin.store.BlobId;
import dev.yubin.store.queue.BodyType;
import dev.yubin.store.queue.NewQueueEntry;
import dev.yubin.store.queue.Notify;
import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.queue.QueueRecipient;
import dev.yubin.store.queue.QueueState;
import dev.yubin.store.queue.RecipientState;
import dev.yubin.store.queue.Ret;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import dev.yubin.store.sql.SqlAccess;
import org.jdbi.v3.core.Handle;

/** Reading and writing the rows of {@code queue_entries} and {@code queue_recipients}. */
final class QueueRows {
    static final String COLUMNS = "id, origin_id, destination, blob, size, sender, envid, ret, utf8, body, state,"
            + " created, next_attempt, lease_until, attempts, last_error, delay_warned, auth_submitter";

    private QueueRows() {
    }

    static long insert(QueueStatements hot, Handle h, NewQueueEntry e, long now) {
        return insert(hot, h, e, now, QueueState.INCOMING, 0);
    }

    /** Inserts the entry in {@code state} (INCOMING, or ACTIVE for the caller's own claim) and returns its id. */
    static long insert(QueueStatements hot, Handle h, NewQueueEntry e, long now, QueueState state, long leaseUntil) {
        long inline = dev.yubin.store.sql.SqlAccess.inlineRow(e.blob());
        if (inline != 0 && hot.queryLong(h, "SELECT count(*) FROM blob_data WHERE id = ?", inline) == 0) {
            // its queued insert failed (see SqliteBlobStore): refuse rather than queue mail without a body
            throw new dev.yubin.store.StoreException("message body " + e.blob().value() + " was not stored");
        }
        long id = hot.queryLong(h, "INSERT INTO queue_entries (origin_id, destination, blob, size, sender, envid, ret,"
                        + " utf8, body, state, created, next_attempt, lease_until, auth_submitter)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                e.originId(), e.destination(), e.blob().value(), e.size(), e.sender(), e.envelopeId().orElse(null),
                e.ret().map(Enum::name).orElse(null), e.utf8() == NewQueueEntry.Utf8.NEEDED ? 1 : 0, e.body().name(),
                state.name(), e.created().toEpochMilli(), now, leaseUntil, e.authSubmitter().orElse(null));
        for (QueueRecipient r : e.recipients()) {
            hot.update(h, "INSERT INTO queue_recipients (entry_id, idx, address, orcpt, notify, state, last_reply)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?)", id, r.index(), r.address(),
                    r.originalRecipient().orElse(null), notify(r.notifyOn()), r.state().name(), r.lastReply());
        }
        return id;
    }

    static void updateRecipients(QueueStatements hot, Handle h, long id, List<QueueRecipient> recipients) {
        for (QueueRecipient r : recipients) {
            hot.update(h, "UPDATE queue_recipients SET state = ?, last_reply = ? WHERE entry_id = ? AND idx = ?",
                    r.state().name(), r.lastReply(), id, r.index());
        }
    }

    /** The stored form of a just-inserted entry, without reading it back. */
    static QueueEntry inserted(long id, NewQueueEntry e, QueueState state, long now, long leaseUntil) {
        return new QueueEntry(id, e.originId(), e.destination(), e.blob(), e.size(), e.sender(), e.envelopeId(),
                e.ret(), e.utf8(), e.body(), e.recipients(), state, e.created(), Instant.ofEpochMilli(now),
                Instant.ofEpochMilli(leaseUntil), 0, "", QueueEntry.DelayWarning.NOT_SENT, e.authSubmitter());
    }

    /** Entries with these ids (in the order given), with their recipients. */
    static List<QueueEntry> load(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<QueueRecipient>> recipients = new HashMap<>();
        h.createQuery("SELECT entry_id, idx, address, orcpt, notify, state, last_reply FROM queue_recipients"
                        + " WHERE entry_id IN (<ids>) ORDER BY entry_id, idx")
                .bindList("ids", ids)
                .map((rs, ctx) -> {
                    recipients.computeIfAbsent(rs.getLong("entry_id"), k -> new ArrayList<>()).add(recipient(rs));
                    return 0;
                }).list();
        Map<Long, QueueEntry> byId = new HashMap<>();
        h.createQuery("SELECT " + COLUMNS + " FROM queue_entries WHERE id IN (<ids>)").bindList("ids", ids)
                .map((rs, ctx) -> entry(rs, recipients.getOrDefault(rs.getLong("id"), List.of())))
                .forEach(e -> byId.put(e.id(), e));
        List<QueueEntry> out = new ArrayList<>(ids.size());
        for (long id : ids) {
            QueueEntry e = byId.get(id);
            if (e != null) {
                out.add(e);
            }
        }
        return out;
    }

    private static QueueRecipient recipient(ResultSet rs) throws SQLException {
        return new QueueRecipient(rs.getInt("idx"), rs.getString("address"), Optional.ofNullable(rs.getString("orcpt")),
                notify(rs.getString("notify")), RecipientState.valueOf(rs.getString("state")), rs.getString("last_reply"));
    }

    private static QueueEntry entry(ResultSet rs, List<QueueRecipient> recipients) throws SQLException {
        String ret = rs.getString("ret");
        return new QueueEntry(rs.getLong("id"), rs.getString("origin_id"), rs.getString("destination"),
                new BlobId(rs.getString("blob")), rs.getLong("size"), rs.getString("sender"),
                Optional.ofNullable(rs.getString("envid")), Optional.ofNullable(ret).map(Ret::valueOf),
                rs.getInt("utf8") == 1 ? NewQueueEntry.Utf8.NEEDED : NewQueueEntry.Utf8.NOT_NEEDED,
                BodyType.valueOf(rs.getString("body")), recipients, QueueState.valueOf(rs.getString("state")),
                Instant.ofEpochMilli(rs.getLong("created")), Instant.ofEpochMilli(rs.getLong("next_attempt")),
                Instant.ofEpochMilli(rs.getLong("lease_until")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getInt("delay_warned") == 1 ? QueueEntry.DelayWarning.SENT : QueueEntry.DelayWarning.NOT_SENT,
                Optional.ofNullable(rs.getString("auth_submitter")));
    }

    static String notify(Collection<Notify> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }

    static Set<Notify> notify(String text) {
        if (text == null || text.isEmpty()) {
            return Set.of();
        }
        EnumSet<Notify> set = EnumSet.noneOf(Notify.class);
        Arrays.stream(text.split(",")).map(Notify::valueOf).forEach(set::add);
        return set;
    }

    /**
     * Called after the entry's hold on {@code blob} ended (finished or deleted) inside the write:
     * when no unfinished entry and no message uses the blob any more, drops its blob row (if any)
     * and its inline body; returns a file blob so the caller deletes the file after the commit.
     */
    static Optional<BlobId> releaseBlob(QueueStatements hot, SqlAccess sql, Handle h, String blob) {
        boolean queued = hot.queryLong(h, "SELECT EXISTS (SELECT 1 FROM queue_entries WHERE blob = ?1"
                + " AND state NOT IN ('DONE', 'BOUNCED')) OR EXISTS (SELECT 1 FROM queue_reports WHERE blob = ?1)",
                blob) != 0;
        if (queued) {
            return Optional.empty();
        }
        if (hot.queryLong(h, "SELECT EXISTS (SELECT 1 FROM blobs WHERE name = ?)", blob) != 0) {
            // a mailbox copy shares the body: the store's own code decides (and drops its search text)
            return sql.releaseUnusedBlob(h, blob).filter(b -> !sql.deleteInlineBody(h, b));
        }
        // mail only for outside recipients: an inline body goes in this transaction, a file after the commit
        long row = SqlAccess.inlineRow(new BlobId(blob));
        if (row != 0) {
            hot.update(h, "DELETE FROM blob_data WHERE id = ?", row);
            return Optional.empty();
        }
        return Optional.of(new BlobId(blob));
    }
}
