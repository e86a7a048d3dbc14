package dev.yubin.store.sql;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.Alias;
import dev.yubin.store.Credentials;
import dev.yubin.store.Directory;
import dev.yubin.store.Mailbox;
import dev.yubin.store.Recipients;
import dev.yubin.store.ScramCredential;
import dev.yubin.store.SpecialUse;
import dev.yubin.store.StoreException;
import dev.yubin.store.User;
import dev.yubin.store.UserId;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/** {@link Directory} on SQL tables {@code domains}, {@code users} and {@code aliases}. */
final class SqlDirectory implements Directory {

    /** The folders every new user gets (RFC 6154 special use), all subscribed. */
    private static final List<Folder> DEFAULT_FOLDERS = List.of(
            new Folder(Mailbox.INBOX, null), new Folder("Sent", SpecialUse.SENT),
            new Folder("Drafts", SpecialUse.DRAFTS), new Folder("Trash", SpecialUse.TRASH),
            new Folder("Junk", SpecialUse.JUNK), new Folder("Archive", SpecialUse.ARCHIVE));

    private record Folder(String name, SpecialUse use) {
    }

    private final Db db;

    SqlDirectory(Db db) {
        this.db = db;
    }

    @Override
    public void addDomain(Domain domain) {
        db.writeVoid(tx -> {
            if (domainId(tx.handle, domain).isPresent()) {
                throw new StoreException.Conflict("domain exists: " + domain);
            }
            tx.handle.createUpdate("INSERT INTO domains (name) VALUES (:name)").bind("name", domain.name()).execute();
        });
    }

    @Override
    public void removeDomain(Domain domain) {
        db.writeVoid(tx -> {
            Handle h = tx.handle;
            long id = domainId(h, domain).orElseThrow(() -> new StoreException.NotFound("no such domain: " + domain));
            boolean used = h.createQuery("SELECT EXISTS (SELECT 1 FROM users WHERE domain_id = :d)"
                            + " OR EXISTS (SELECT 1 FROM aliases WHERE domain_id = :d)")
                    .bind("d", id).mapTo(Boolean.class).one();
            if (used) {
                throw new StoreException.Conflict("domain still has users or aliases: " + domain);
            }
            h.createUpdate("DELETE FROM domains WHERE id = :d").bind("d", id).execute();
        });
    }

    @Override
    public List<Domain> domains() {
        return db.read(h -> h.createQuery("SELECT name FROM domains ORDER BY name").mapTo(String.class)
                .map(Domain::new).list());
    }

    @Override
    public boolean isLocalDomain(Domain domain) {
        return db.read(h -> domainId(h, domain).isPresent());
    }

    static Optional<Long> domainId(Handle h, Domain domain) {
        return h.createQuery("SELECT id FROM domains WHERE name = :name").bind("name", domain.name())
                .mapTo(Long.class).findOne();
    }

    @Override
    public User addUser(EmailAddress address, Credentials credentials) {
        return db.write(tx -> {
            Handle h = tx.handle;
            long domainId = domainId(h, address.domain())
                    .orElseThrow(() -> new StoreException.NotFound("domain is not local: " + address.domain()));
            String canonical = address.canonical();
            boolean taken = h.createQuery("SELECT EXISTS (SELECT 1 FROM users WHERE canonical = :c)"
                            + " OR EXISTS (SELECT 1 FROM aliases WHERE source = :c)")
                    .bind("c", canonical).mapTo(Boolean.class).one();
            if (taken) {
                throw new StoreException.Conflict("address is taken: " + canonical);
            }
            long id = h.createQuery("INSERT INTO users (domain_id, canonical, address, password_hash)"
                            + " VALUES (:d, :c, :a, :p) RETURNING id")
                    .bind("d", domainId).bind("c", canonical).bind("a", address.toString())
                    .bind("p", credentials.passwordHash()).mapTo(Long.class).one();
            updateScram(h, id, credentials);
            for (Folder f : DEFAULT_FOLDERS) {
                SqlMailboxes.insertMailbox(h, id, f.name(), Optional.ofNullable(f.use()));
                h.createUpdate("INSERT INTO subscriptions (user_id, name) VALUES (:u, :n)")
                        .bind("u", id).bind("n", f.name()).execute();
            }
            return new User(new UserId(id), address, 0);
        });
    }

    private static void updateScram(Handle h, long userId, Credentials c) {
        Optional<ScramCredential> s = c.scramSha256();
        Update u = h.createUpdate("UPDATE users SET password_hash = :p, scram_salt = :salt, scram_iterations = :it,"
                        + " scram_stored_key = :stored, scram_server_key = :server WHERE id = :id")
                .bind("id", userId).bind("p", c.passwordHash())
                .bind("salt", s.map(ScramCredential::salt).orElse(null))
                .bind("it", s.map(ScramCredential::iterations).orElse(null))
                .bind("stored", s.map(ScramCredential::storedKey).orElse(null))
                .bind("server", s.map(ScramCredential::serverKey).orElse(null));
        u.execute();
    }

    @Override
    public Optional<User> user(EmailAddress address) {
        return db.read(h -> userByCanonical(h, address.canonical()));
    }

    static Optional<User> userByCanonical(Handle h, String canonical) {
        return h.createQuery("SELECT " + Rows.USER_COLUMNS + " FROM users WHERE canonical = :c")
                .bind("c", canonical).map(Rows.USER).findOne();
    }

    @Override
    public Optional<User> user(UserId id) {
        return db.read(h -> h.createQuery("SELECT " + Rows.USER_COLUMNS + " FROM users WHERE id = :id")
                .bind("id", id.value()).map(Rows.USER).findOne());
    }

    @Override
    public List<User> users() {
        return db.read(h -> h.createQuery("SELECT " + Rows.USER_COLUMNS + " FROM users ORDER BY canonical")
                .map(Rows.USER).list());
    }

    @Override
    public Optional<Credentials> credentials(EmailAddress address) {
        return db.read(h -> h.createQuery("SELECT " + Rows.CREDENTIAL_COLUMNS + " FROM users WHERE canonical = :c")
                .bind("c", address.canonical()).map(Rows.CREDENTIALS).findOne());
    }

    @Override
    public void setCredentials(EmailAddress address, Credentials credentials) {
        db.writeVoid(tx -> updateScram(tx.handle, userId(tx.handle, address), credentials));
    }

    @Override
    public void setQuota(EmailAddress address, long quotaBytes) {
        if (quotaBytes < 0) {
            throw new IllegalArgumentException("negative quota");
        }
        db.writeVoid(tx -> tx.handle.createUpdate("UPDATE users SET quota_bytes = :q WHERE id = :id")
                .bind("q", quotaBytes).bind("id", userId(tx.handle, address)).execute());
    }

    private static long userId(Handle h, EmailAddress address) {
        return h.createQuery("SELECT id FROM users WHERE canonical = :c").bind("c", address.canonical())
                .mapTo(Long.class).findOne()
                .orElseThrow(() -> new StoreException.NotFound("no such user: " + address.canonical()));
    }

    @Override
    public void removeUser(EmailAddress address) {
        db.writeVoid(tx -> {
            Handle h = tx.handle;
            long id = userId(h, address);
            List<Long> mailboxes = h.createQuery("SELECT id FROM mailboxes WHERE owner_id = :u")
                    .bind("u", id).mapTo(Long.class).list();
            for (long mailbox : mailboxes) {
                MessageRows.deleteMailbox(tx, mailbox);
            }
            h.createUpdate("DELETE FROM subscriptions WHERE user_id = :u").bind("u", id).execute();
            h.createUpdate("DELETE FROM users WHERE id = :u").bind("u", id).execute();
        });
    }

    @Override
    public void addAlias(Alias alias) {
        db.writeVoid(tx -> {
            Handle h = tx.handle;
            long domainId = domainId(h, alias.domain())
                    .orElseThrow(() -> new StoreException.NotFound("domain is not local: " + alias.domain()));
            if (userByCanonical(h, alias.source()).isPresent()) {
                throw new StoreException.Conflict("alias source is a user: " + alias.source());
            }
            h.createUpdate("INSERT INTO aliases (domain_id, source, targets) VALUES (:d, :s, :t)"
                            + " ON CONFLICT (source) DO UPDATE SET targets = excluded.targets")
                    .bind("d", domainId).bind("s", alias.source())
                    .bind("t", String.join("\n", alias.targets().stream().map(EmailAddress::toString).toList()))
                    .execute();
        });
    }

    @Override
    public List<Alias> aliases() {
        return db.read(h -> h.createQuery("SELECT source, targets FROM aliases ORDER BY source")
                .map((rs, ctx) -> alias(rs.getString("source"), rs.getString("targets"))).list());
    }

    static Alias alias(String source, String targets) {
        return new Alias(source, java.util.Arrays.stream(targets.split("\n")).map(EmailAddress::parse).toList());
    }

    @Override
    public void removeAlias(String source) {
        String key = Alias.normaliseSource(source);
        db.writeVoid(tx -> {
            int n = tx.handle.createUpdate("DELETE FROM aliases WHERE source = :s").bind("s", key).execute();
            if (n == 0) {
                throw new StoreException.NotFound("no such alias: " + key);
            }
        });
    }

    @Override
    public Recipients resolve(EmailAddress recipient) {
        return db.read(h -> new RecipientResolver(h).resolve(recipient));
    }
}
