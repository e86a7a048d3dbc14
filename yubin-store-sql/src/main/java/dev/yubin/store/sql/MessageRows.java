package dev.yubin.store.sql;

import dev.yubin.store.BlobId;
import dev.yubin.store.NewMessage;
import dev.yubin.store.StoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Row-level steps shared by the write paths: MODSEQ and UID allocation, message insert and
 * removal, blob rows and their release. Every method runs inside a {@link WriteTx}.
 */
final class MessageRows {
    /** Above this many UIDs a lookup reads the UID range and filters, instead of a long IN list. */
    private static final int MAX_IN_LIST = 500;

    private MessageRows() {
    }

    /** A message row as the write paths need it. */
    record Row(long id, long uid, long modSeq, Flags flags, long internalDate, long size, long blobId, String blob) {
    }

    /** Owner and state of a mailbox, read inside the write transaction. */
    record Box(long id, long owner, long uidValidity) {
    }

    static Box box(Handle h, long mailboxId) {
        return h.createQuery("SELECT id, owner_id, uidvalidity FROM mailboxes WHERE id = :id").bind("id", mailboxId)
                .map((rs, ctx) -> new Box(rs.getLong(1), rs.getLong(2), rs.getLong(3))).findOne()
                .orElseThrow(() -> new StoreException.NotFound("no such mailbox: " + mailboxId));
    }

    /** Reserves {@code count} UIDs and one new MODSEQ; returns {first UID, MODSEQ}. */
    static long[] allocate(WriteTx tx, long mailboxId, int count) {
        long[] r = tx.hot.queryLongs("UPDATE mailboxes SET uidnext = uidnext + ?, highestmodseq = highestmodseq + 1"
                + " WHERE id = ? RETURNING uidnext, highestmodseq", 2, (long) count, mailboxId);
        r[0] -= count;
        return r;
    }

    /** Takes a new MODSEQ for the mailbox (RFC 7162 §3.1.1: greater than any before). */
    static long nextModSeq(Handle h, long mailboxId) {
        return h.createQuery("UPDATE mailboxes SET highestmodseq = highestmodseq + 1 WHERE id = :id"
                + " RETURNING highestmodseq").bind("id", mailboxId).mapTo(Long.class).one();
    }

    /** The blob row of a message body, created (with its search text) on first use. */
    static long blobRow(WriteTx tx, NewMessage m) {
        OptionalLong existing = tx.hot.queryLong("SELECT id FROM blobs WHERE name = ?", m.blob().value());
        if (existing.isPresent()) {
            return existing.getAsLong();
        }
        SqliteBlobStore.requireInline(tx.hot, m.blob().value());
        long id = tx.hot.queryLongs("INSERT INTO blobs (name, size, summary) VALUES (?, ?, ?) RETURNING id", 1,
                m.blob().value(), m.size(), m.summary())[0];
        tx.dialect.markPending(tx.hot, id); // the TextIndexer extracts and indexes it later
        return id;
    }

    static void insert(WriteTx tx, long mailboxId, long uid, long modSeq, Flags flags, long internalDate,
                       long size, long blobId) {
        tx.hot.update("INSERT INTO messages (mailbox_id, uid, modseq, sysflags, keywords, internal_date, size, blob_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)", mailboxId, uid, modSeq, flags.system(), flags.keywords(),
                internalDate, size, blobId);
    }

    static void addUsedBytes(WriteTx tx, long userId, long delta) {
        if (delta != 0) {
            tx.hot.update("UPDATE users SET used_bytes = used_bytes + ? WHERE id = ?", delta, userId);
        }
    }

    /** True if the user may store {@code bytes} more (quota 0 = unlimited). */
    static boolean fits(WriteTx tx, long userId, long bytes) {
        long[] q = tx.hot.row("SELECT quota_bytes, used_bytes FROM users WHERE id = ?", 2, userId);
        if (q == null) {
            throw new StoreException.NotFound("no such user: " + userId);
        }
        return q[0] == 0 || q[1] + bytes <= q[0];
    }

    /** Rows of the given UIDs that exist, ascending by UID. */
    static List<Row> rows(Handle h, long mailboxId, Collection<Long> uids) {
        if (uids.isEmpty()) {
            return List.of();
        }
        String select = "SELECT m.id, m.uid, m.modseq, m.sysflags, m.keywords, m.internal_date, m.size, m.blob_id,"
                + " b.name FROM messages m JOIN blobs b ON b.id = m.blob_id WHERE m.mailbox_id = :mb";
        Query q;
        Set<Long> wanted = null;
        if (uids.size() <= MAX_IN_LIST) {
            q = h.createQuery(select + " AND m.uid IN (<uids>) ORDER BY m.uid").bindList("uids", new ArrayList<>(uids));
        } else {
            wanted = new HashSet<>(uids);
            long min = uids.stream().mapToLong(Long::longValue).min().orElseThrow();
            long max = uids.stream().mapToLong(Long::longValue).max().orElseThrow();
            q = h.createQuery(select + " AND m.uid BETWEEN :lo AND :hi ORDER BY m.uid").bind("lo", min).bind("hi", max);
        }
        List<Row> rows = q.bind("mb", mailboxId).map((rs, ctx) -> row(rs)).list();
        if (wanted != null) {
            Set<Long> w = wanted;
            rows = rows.stream().filter(r -> w.contains(r.uid())).toList();
        }
        return rows;
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), new Flags(rs.getInt(4), rs.getString(5)),
                rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getString(9));
    }

    /**
     * Deletes message rows of one mailbox, remembering their UIDs as expunged at a new MODSEQ,
     * giving back their bytes to the owner and releasing blobs no longer used.
     */
    static void remove(WriteTx tx, Box box, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Handle h = tx.handle;
        long modSeq = nextModSeq(h, box.id());
        PreparedBatch delete = h.prepareBatch("DELETE FROM messages WHERE id = :id");
        PreparedBatch tomb = h.prepareBatch("INSERT INTO expunged (mailbox_id, uid, modseq) VALUES (:mb, :uid, :ms)");
        long bytes = 0;
        Set<Long> blobs = new LinkedHashSet<>();
        for (Row r : rows) {
            delete.bind("id", r.id()).add();
            tomb.bind("mb", box.id()).bind("uid", r.uid()).bind("ms", modSeq).add();
            bytes += r.size();
            blobs.add(r.blobId());
        }
        delete.execute();
        tomb.execute();
        addUsedBytes(tx, box.owner(), -bytes);
        release(tx, blobs);
        tx.touch(box.id());
    }

    /** Deletes a mailbox with its messages and tombstones. */
    static void deleteMailbox(WriteTx tx, long mailboxId) {
        Handle h = tx.handle;
        Box box = box(h, mailboxId);
        record Use(long size, long blobId) {
        }
        List<Use> uses = h.createQuery("SELECT size, blob_id FROM messages WHERE mailbox_id = :mb").bind("mb", mailboxId)
                .map((rs, ctx) -> new Use(rs.getLong(1), rs.getLong(2))).list();
        h.createUpdate("DELETE FROM messages WHERE mailbox_id = :mb").bind("mb", mailboxId).execute();
        h.createUpdate("DELETE FROM expunged WHERE mailbox_id = :mb").bind("mb", mailboxId).execute();
        h.createUpdate("DELETE FROM mailboxes WHERE id = :mb").bind("mb", mailboxId).execute();
        addUsedBytes(tx, box.owner(), -uses.stream().mapToLong(Use::size).sum());
        Set<Long> blobs = new LinkedHashSet<>();
        uses.forEach(u -> blobs.add(u.blobId()));
        release(tx, blobs);
        tx.touch(mailboxId);
    }

    /** Drops blob rows no message uses any more; their files are deleted after the commit. */
    static void release(WriteTx tx, Collection<Long> blobIds) {
        Handle h = tx.handle;
        for (long id : blobIds) {
            boolean used = h.createQuery("SELECT EXISTS (SELECT 1 FROM messages WHERE blob_id = :id)")
                    .bind("id", id).mapTo(Boolean.class).one();
            if (!used) {
                tx.dialect.dropText(h, id);
                Optional<String> name = h.createQuery("DELETE FROM blobs WHERE id = :id RETURNING name").bind("id", id)
                        .mapTo(String.class).findOne();
                if (name.isPresent() && SqliteBlobStore.isInline(name.get())) {
                    h.createUpdate("DELETE FROM blob_data WHERE id = :id")
                            .bind("id", SqliteBlobStore.rowId(new BlobId(name.get()))).execute();
                } else {
                    name.ifPresent(n -> tx.released.add(new BlobId(n))); // the file goes after the commit
                }
            }
        }
    }
}
