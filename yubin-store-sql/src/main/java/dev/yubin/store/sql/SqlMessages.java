package dev.yubin.store.sql;

import dev.yubin.store.AppendResult;
import dev.yubin.store.CopyResult;
import dev.yubin.store.Delivery;
import dev.yubin.store.DeliveryTarget;
import dev.yubin.store.FlagChange;
import dev.yubin.store.FlagsResult;
import dev.yubin.store.MailboxId;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.NewMessage;
import dev.yubin.store.StoreException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The message writes of {@link dev.yubin.store.MailboxStore}: deliver, append, flags, expunge,
 * copy and move. Each call is one unit of the group-committed write transaction.
 */
final class SqlMessages {
    private final Db db;

    SqlMessages(Db db) {
        this.db = db;
    }

    List<Delivery> deliver(NewMessage message, List<DeliveryTarget> targets) {
        return db.write(tx -> {
            Handle h = tx.handle;
            long blobId = MessageRows.blobRow(tx, message);
            long date = message.internalDate().getEpochSecond();
            List<Delivery> out = new ArrayList<>(targets.size());
            boolean stored = false;
            for (DeliveryTarget t : targets) {
                long user = t.user().value();
                if (!MessageRows.fits(tx, user, message.size())) {
                    out.add(new Delivery.OverQuota(t));
                    continue;
                }
                long mailbox = targetMailbox(tx, user, t.mailboxName());
                long[] alloc = MessageRows.allocate(tx, mailbox, 1);
                MessageRows.insert(tx, mailbox, alloc[0], alloc[1], Flags.of(t.flags()), date, message.size(), blobId);
                MessageRows.addUsedBytes(tx, user, message.size());
                tx.touch(mailbox);
                out.add(new Delivery.Delivered(t, new MailboxId(mailbox), alloc[0]));
                stored = true;
            }
            if (!stored) {
                MessageRows.release(tx, List.of(blobId));
            }
            return out;
        });
    }

    /** The named folder of the user, else the user's INBOX. */
    private static long targetMailbox(WriteTx tx, long user, String name) {
        String n = Rows.mailboxName(name);
        String sql = "SELECT id FROM mailboxes WHERE owner_id = ? AND name = ?";
        OptionalLong id = tx.hot.queryLong(sql, user, n);
        if (id.isEmpty() && !n.equals(dev.yubin.store.Mailbox.INBOX)) {
            id = tx.hot.queryLong(sql, user, dev.yubin.store.Mailbox.INBOX);
        }
        return id.orElseThrow(() -> new StoreException.NotFound("user has no INBOX: " + user));
    }

    AppendResult append(MailboxId mailbox, NewMessage message, Collection<String> flags) {
        return db.write(tx -> {
            Handle h = tx.handle;
            MessageRows.Box box = MessageRows.box(h, mailbox.value());
            if (!MessageRows.fits(tx, box.owner(), message.size())) {
                throw new StoreException.OverQuota("quota exceeded"); // RFC 9208 §5.1 [OVERQUOTA]
            }
            long blobId = MessageRows.blobRow(tx, message);
            long[] alloc = MessageRows.allocate(tx, box.id(), 1);
            MessageRows.insert(tx, box.id(), alloc[0], alloc[1], Flags.of(flags),
                    message.internalDate().getEpochSecond(), message.size(), blobId);
            MessageRows.addUsedBytes(tx, box.owner(), message.size());
            tx.touch(box.id());
            return new AppendResult(box.uidValidity(), alloc[0]);
        });
    }

    FlagsResult storeFlags(MailboxId mailbox, Collection<Long> uids, FlagChange change, long unchangedSince) {
        return db.write(tx -> {
            Handle h = tx.handle;
            MessageRows.Box box = MessageRows.box(h, mailbox.value());
            List<MessageRows.Row> rows = MessageRows.rows(h, box.id(), uids);
            List<Long> modifiedSince = new ArrayList<>();
            List<MessageRows.Row> changing = new ArrayList<>();
            List<Flags> newFlags = new ArrayList<>();
            for (MessageRows.Row r : rows) {
                if (unchangedSince >= 0 && r.modSeq() > unchangedSince) {
                    modifiedSince.add(r.uid()); // RFC 7162 §3.1.3
                    continue;
                }
                Flags after = r.flags().apply(change);
                if (!after.equals(r.flags())) {
                    changing.add(r);
                    newFlags.add(after);
                }
            }
            if (changing.isEmpty()) {
                return new FlagsResult(List.of(), modifiedSince);
            }
            long modSeq = MessageRows.nextModSeq(h, box.id());
            PreparedBatch update = h.prepareBatch("UPDATE messages SET sysflags = :sf, keywords = :kw, modseq = :ms"
                    + " WHERE id = :id");
            List<MessageRecord> updated = new ArrayList<>(changing.size());
            for (int i = 0; i < changing.size(); i++) {
                MessageRows.Row r = changing.get(i);
                Flags f = newFlags.get(i);
                update.bind("sf", f.system()).bind("kw", f.keywords()).bind("ms", modSeq).bind("id", r.id()).add();
                updated.add(record(r, modSeq, f));
            }
            update.execute();
            tx.touch(box.id());
            return new FlagsResult(updated, modifiedSince);
        });
    }

    private static MessageRecord record(MessageRows.Row r, long modSeq, Flags flags) {
        return new MessageRecord(r.uid(), modSeq, flags.toSet(), Instant.ofEpochSecond(r.internalDate()), r.size(),
                new dev.yubin.store.BlobId(r.blob()));
    }

    List<Long> expunge(MailboxId mailbox, Optional<Collection<Long>> uids) {
        return db.write(tx -> {
            Handle h = tx.handle;
            MessageRows.Box box = MessageRows.box(h, mailbox.value());
            List<MessageRows.Row> rows;
            if (uids.isPresent()) {
                rows = MessageRows.rows(h, box.id(), uids.get());
            } else {
                rows = h.createQuery("SELECT m.id, m.uid, m.modseq, m.sysflags, m.keywords, m.internal_date, m.size,"
                                + " m.blob_id, b.name FROM messages m JOIN blobs b ON b.id = m.blob_id"
                                + " WHERE m.mailbox_id = :mb AND (m.sysflags & 8) <> 0 ORDER BY m.uid")
                        .bind("mb", box.id()).map((rs, ctx) -> MessageRows.row(rs)).list();
            }
            List<MessageRows.Row> deleted = rows.stream().filter(r -> (r.flags().system() & Flags.DELETED) != 0).toList();
            MessageRows.remove(tx, box, deleted);
            return deleted.stream().map(MessageRows.Row::uid).toList();
        });
    }

    CopyResult copy(MailboxId from, Collection<Long> uids, MailboxId to) {
        return db.write(tx -> copyRows(tx, from, uids, to, false));
    }

    /** RFC 6851: copy, then expunge the sources, in one transaction. */
    CopyResult move(MailboxId from, Collection<Long> uids, MailboxId to) {
        return db.write(tx -> copyRows(tx, from, uids, to, true));
    }

    private static CopyResult copyRows(WriteTx tx, MailboxId from, Collection<Long> uids, MailboxId to,
                                       boolean removeSource) {
        Handle h = tx.handle;
        MessageRows.Box source = MessageRows.box(h, from.value());
        MessageRows.Box target = MessageRows.box(h, to.value());
        List<MessageRows.Row> rows = MessageRows.rows(h, source.id(), uids);
        if (rows.isEmpty()) {
            return new CopyResult(target.uidValidity(), List.of(), List.of());
        }
        long bytes = rows.stream().mapToLong(MessageRows.Row::size).sum();
        boolean sameOwner = source.owner() == target.owner();
        if (!(removeSource && sameOwner) && !MessageRows.fits(tx, target.owner(), bytes)) {
            throw new StoreException.OverQuota("quota exceeded"); // RFC 9208 §5.1
        }
        long[] alloc = MessageRows.allocate(tx, target.id(), rows.size());
        List<Long> sourceUids = new ArrayList<>(rows.size());
        List<Long> targetUids = new ArrayList<>(rows.size());
        PreparedBatch insert = h.prepareBatch("INSERT INTO messages (mailbox_id, uid, modseq, sysflags, keywords,"
                + " internal_date, size, blob_id) VALUES (:mb, :uid, :ms, :sf, :kw, :d, :size, :blob)");
        long uid = alloc[0];
        for (MessageRows.Row r : rows) {
            insert.bind("mb", target.id()).bind("uid", uid).bind("ms", alloc[1]).bind("sf", r.flags().system())
                    .bind("kw", r.flags().keywords()).bind("d", r.internalDate()).bind("size", r.size())
                    .bind("blob", r.blobId()).add();
            sourceUids.add(r.uid());
            targetUids.add(uid++);
        }
        insert.execute();
        MessageRows.addUsedBytes(tx, target.owner(), bytes);
        tx.touch(target.id());
        if (removeSource) {
            MessageRows.remove(tx, source, rows);
        }
        return new CopyResult(target.uidValidity(), sourceUids, targetUids);
    }
}
