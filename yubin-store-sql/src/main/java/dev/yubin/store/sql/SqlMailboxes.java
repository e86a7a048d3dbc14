package dev.yubin.store.sql;

import dev.yubin.store.Mailbox;
import dev.yubin.store.MailboxCounts;
import dev.yubin.store.MailboxId;
import dev.yubin.store.SpecialUse;
import dev.yubin.store.StoreException;
import dev.yubin.store.UserId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/** The folder half of {@link dev.yubin.store.MailboxStore}: mailboxes, subscriptions, counts. */
final class SqlMailboxes {
    private final Db db;

    SqlMailboxes(Db db) {
        this.db = db;
    }

    /** Inserts a mailbox with a fresh UIDVALIDITY (strictly increasing for the database's life). */
    static Mailbox insertMailbox(Handle h, long owner, String name, Optional<SpecialUse> use) {
        long uidValidity = h.createQuery("UPDATE sequences SET value = value + 1 WHERE name = 'uidvalidity'"
                + " RETURNING value").mapTo(Long.class).one();
        return h.createQuery("INSERT INTO mailboxes (owner_id, name, special_use, uidvalidity)"
                        + " VALUES (:o, :n, :u, :v) RETURNING " + Rows.MAILBOX_COLUMNS)
                .bind("o", owner).bind("n", name).bind("u", use.map(Enum::name).orElse(null)).bind("v", uidValidity)
                .map(Rows.MAILBOX).one();
    }

    List<Mailbox> mailboxes(UserId user) {
        return db.read(h -> h.createQuery("SELECT " + Rows.MAILBOX_COLUMNS + " FROM mailboxes WHERE owner_id = :o"
                + " ORDER BY name").bind("o", user.value()).map(Rows.MAILBOX).list());
    }

    Optional<Mailbox> mailbox(UserId user, String name) {
        String n = Rows.mailboxName(name);
        return db.read(h -> byName(h, user.value(), n));
    }

    private static Optional<Mailbox> byName(Handle h, long owner, String name) {
        return h.createQuery("SELECT " + Rows.MAILBOX_COLUMNS + " FROM mailboxes WHERE owner_id = :o AND name = :n")
                .bind("o", owner).bind("n", name).map(Rows.MAILBOX).findOne();
    }

    Optional<Mailbox> mailbox(MailboxId id) {
        return db.read(h -> h.createQuery("SELECT " + Rows.MAILBOX_COLUMNS + " FROM mailboxes WHERE id = :id")
                .bind("id", id.value()).map(Rows.MAILBOX).findOne());
    }

    Mailbox createMailbox(UserId user, String name, Optional<SpecialUse> specialUse) {
        String n = Rows.mailboxName(name);
        return db.write(tx -> {
            Handle h = tx.handle;
            boolean userExists = h.createQuery("SELECT EXISTS (SELECT 1 FROM users WHERE id = :u)")
                    .bind("u", user.value()).mapTo(Boolean.class).one();
            if (!userExists) {
                throw new StoreException.NotFound("no such user: " + user.value());
            }
            if (byName(h, user.value(), n).isPresent()) {
                throw new StoreException.Conflict("mailbox exists: " + n);
            }
            return insertMailbox(h, user.value(), n, specialUse);
        });
    }

    void deleteMailbox(MailboxId id) {
        db.writeVoid(tx -> {
            String name = nameOf(tx.handle, id.value());
            if (Mailbox.INBOX.equals(name)) {
                throw new StoreException.Conflict("INBOX cannot be deleted"); // RFC 9051 §6.3.5
            }
            MessageRows.deleteMailbox(tx, id.value());
        });
    }

    private static String nameOf(Handle h, long id) {
        return h.createQuery("SELECT name FROM mailboxes WHERE id = :id").bind("id", id).mapTo(String.class)
                .findOne().orElseThrow(() -> new StoreException.NotFound("no such mailbox: " + id));
    }

    void renameMailbox(MailboxId id, String newName) {
        String target = Rows.mailboxName(newName);
        db.writeVoid(tx -> {
            Handle h = tx.handle;
            MessageRows.Box box = MessageRows.box(h, id.value());
            String old = nameOf(h, id.value());
            if (Mailbox.INBOX.equals(old) || Mailbox.INBOX.equals(target)) {
                throw new StoreException.Conflict("INBOX is not renamed by the store");
            }
            if (old.equals(target)) {
                return;
            }
            String prefix = old + Mailbox.SEPARATOR;
            record Child(long id, String name) {
            }
            List<Child> children = h.createQuery("SELECT id, name FROM mailboxes WHERE owner_id = :o"
                            + " AND substr(name, 1, :len) = :prefix")
                    .bind("o", box.owner()).bind("len", prefix.length()).bind("prefix", prefix)
                    .map((rs, ctx) -> new Child(rs.getLong(1), rs.getString(2))).list();
            if (byName(h, box.owner(), target).isPresent()) {
                throw new StoreException.Conflict("mailbox exists: " + target);
            }
            for (Child c : children) {
                String moved = target + c.name().substring(old.length());
                if (byName(h, box.owner(), moved).isPresent()) {
                    throw new StoreException.Conflict("mailbox exists: " + moved);
                }
            }
            // two steps so a child's new name never collides with another child's old one
            setName(h, id.value(), "\u0000" + id.value());
            children.forEach(c -> setName(h, c.id(), "\u0000" + c.id()));
            setName(h, id.value(), target);
            children.forEach(c -> setName(h, c.id(), target + c.name().substring(old.length())));
            tx.touch(id.value());
        });
    }

    private static void setName(Handle h, long id, String name) {
        h.createUpdate("UPDATE mailboxes SET name = :n WHERE id = :id").bind("n", name).bind("id", id).execute();
    }

    void subscribe(UserId user, String name) {
        String n = Rows.mailboxName(name);
        db.writeVoid(tx -> tx.handle.createUpdate("INSERT INTO subscriptions (user_id, name) VALUES (:u, :n)"
                + " ON CONFLICT DO NOTHING").bind("u", user.value()).bind("n", n).execute());
    }

    void unsubscribe(UserId user, String name) {
        String n = Rows.mailboxName(name);
        db.writeVoid(tx -> tx.handle.createUpdate("DELETE FROM subscriptions WHERE user_id = :u AND name = :n")
                .bind("u", user.value()).bind("n", n).execute());
    }

    List<String> subscriptions(UserId user) {
        return db.read(h -> h.createQuery("SELECT name FROM subscriptions WHERE user_id = :u ORDER BY name")
                .bind("u", user.value()).mapTo(String.class).list());
    }

    MailboxCounts counts(MailboxId id) {
        return db.snapshot(h -> {
            Mailbox mb = h.createQuery("SELECT " + Rows.MAILBOX_COLUMNS + " FROM mailboxes WHERE id = :id")
                    .bind("id", id.value()).map(Rows.MAILBOX).findOne()
                    .orElseThrow(() -> new StoreException.NotFound("no such mailbox: " + id.value()));
            return h.createQuery("SELECT count(*), coalesce(sum(CASE WHEN sysflags & 1 = 0 THEN 1 ELSE 0 END), 0),"
                            + " coalesce(sum(CASE WHEN sysflags & 8 <> 0 THEN 1 ELSE 0 END), 0), coalesce(sum(size), 0)"
                            + " FROM messages WHERE mailbox_id = :id")
                    .bind("id", id.value())
                    .map((rs, ctx) -> new MailboxCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                            mb.uidNext(), mb.uidValidity(), mb.highestModSeq())).one();
        });
    }

    long usedBytes(UserId user) {
        return db.read(h -> h.createQuery("SELECT used_bytes FROM users WHERE id = :u").bind("u", user.value())
                .mapTo(Long.class).findOne().orElse(0L));
    }

    /** RFC 3501 §2.3.2: the first UID recent for this session; later sessions see none of them. */
    long claimRecent(MailboxId id) {
        return db.write(tx -> {
            Handle h = tx.handle;
            long mark = h.createQuery("SELECT recent_mark FROM mailboxes WHERE id = :id").bind("id", id.value())
                    .mapTo(Long.class).findOne()
                    .orElseThrow(() -> new StoreException.NotFound("no such mailbox: " + id.value()));
            h.createUpdate("UPDATE mailboxes SET recent_mark = uidnext WHERE id = :id").bind("id", id.value()).execute();
            return mark;
        });
    }

    /** RFC 3501 §2.3.2: claims the recent UIDs below {@code end}; the caller's are [result, end). */
    long claimRecent(MailboxId id, long end) {
        return db.write(tx -> {
            Handle h = tx.handle;
            long mark = h.createQuery("SELECT recent_mark FROM mailboxes WHERE id = :id").bind("id", id.value())
                    .mapTo(Long.class).findOne()
                    .orElseThrow(() -> new StoreException.NotFound("no such mailbox: " + id.value()));
            if (mark < end) {
                h.createUpdate("UPDATE mailboxes SET recent_mark = CASE WHEN uidnext < :end THEN uidnext ELSE :end END"
                        + " WHERE id = :id").bind("end", end).bind("id", id.value()).execute();
            }
            return mark;
        });
    }

    /** RFC 3501 §6.3.10 STATUS RECENT: the messages at or above the mark, which stays where it is. */
    long countRecent(MailboxId id) {
        return db.read(h -> h.createQuery("SELECT count(*) FROM messages m JOIN mailboxes b ON b.id = m.mailbox_id"
                        + " WHERE b.id = :id AND m.uid >= b.recent_mark")
                .bind("id", id.value()).mapTo(Long.class).one());
    }

    long recentMark(MailboxId id) {
        return db.read(h -> h.createQuery("SELECT recent_mark FROM mailboxes WHERE id = :id").bind("id", id.value())
                .mapTo(Long.class).findOne()
                .orElseThrow(() -> new StoreException.NotFound("no such mailbox: " + id.value())));
    }
}
