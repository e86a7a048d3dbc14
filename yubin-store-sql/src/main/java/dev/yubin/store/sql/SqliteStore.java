package dev.yubin.store.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.store.Alias;
import dev.yubin.store.AppendResult;
import dev.yubin.store.BlobId;
import dev.yubin.store.Changes;
import dev.yubin.store.CopyResult;
import dev.yubin.store.Credentials;
import dev.yubin.store.Delivery;
import dev.yubin.store.DeliveryTarget;
import dev.yubin.store.Directory;
import dev.yubin.store.FlagChange;
import dev.yubin.store.FlagsResult;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MailboxCounts;
import dev.yubin.store.MailboxId;
import dev.yubin.store.MailboxStore;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.NewMessage;
import dev.yubin.store.Recipients;
import dev.yubin.store.SpecialUse;
import dev.yubin.store.StoreException;
import dev.yubin.store.TextExtractor;
import dev.yubin.store.TextScope;
import dev.yubin.store.User;
import dev.yubin.store.UserId;
import dev.yubin.store.fs.FsBlobStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The embedded store: {@link Directory} and {@link MailboxStore} on SQLite ({@code DATA/yubin.db},
 * WAL mode, {@code synchronous=FULL}) with bodies in a {@link SqliteBlobStore} (small ones in the
 * database, larger ones as files under {@code DATA/blobs}).
 *
 * <p>Writes of this process go through one writer thread that group-commits concurrent calls
 * into one transaction (one log fsync for many deliveries); reads run concurrently on a pool.
 * Several processes (the server and the CLI) may open the same data directory: SQLite's file
 * lock serialises their write transactions, waiting up to {@link Settings#busyTimeout()}.
 * Listeners of {@link #watch} hear only of this process's changes.
 *
 * <p>Callers write a body with {@link #blobs()} first, then {@link #deliver} or {@link #append} it.
 * Bodies written but never delivered (a crash between the two, a refused message) are orphans:
 * call {@link #sweepOrphanBlobs} now and then (e.g. at start-up, with an age of a day).
 *
 * <p>Threads: {@code yubin-store-writer} (all writes), {@code yubin-store-notify} (listeners,
 * file deletions after commits), {@code yubin-store-checkpoint} (WAL checkpoints); all daemons,
 * stopped by {@link #close}.
 */
public final class SqliteStore implements Directory, MailboxStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteStore.class);

    /**
     * @param dataDir the data directory (created if missing)
     * @param readers size of the read connection pool
     * @param busyTimeout how long a write waits for another process's write transaction
     * @param inlineBlobMaxBytes bodies up to this size are kept in the database (group-committed),
     *     larger ones as files under {@code DATA/blobs}; 0 keeps every body in a file
     * @param textExtractor decodes stored bodies for the full-text index; {@link TextExtractor#NONE}
     *     in a process that leaves indexing to the server (the CLI)
     */
    public record Settings(Path dataDir, int readers, Duration busyTimeout, int inlineBlobMaxBytes,
                           TextExtractor textExtractor) {
        public static final int DEFAULT_READERS = 8;
        public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(30);
        public static final int DEFAULT_INLINE_BLOB_MAX_BYTES = 64 * 1024;

        public Settings {
            if (readers < 1) {
                throw new IllegalArgumentException("readers must be >= 1");
            }
            if (inlineBlobMaxBytes < 0) {
                throw new IllegalArgumentException("inlineBlobMaxBytes must be >= 0");
            }
            java.util.Objects.requireNonNull(textExtractor, "textExtractor");
        }

        /** Default settings without a text extractor (this process does not index). */
        public static Settings defaults(Path dataDir) {
            return new Settings(dataDir, DEFAULT_READERS, DEFAULT_BUSY_TIMEOUT, DEFAULT_INLINE_BLOB_MAX_BYTES,
                    TextExtractor.NONE);
        }

        public Settings withTextExtractor(TextExtractor extractor) {
            return new Settings(dataDir, readers, busyTimeout, inlineBlobMaxBytes, extractor);
        }

        public Settings withInlineBlobMaxBytes(int bytes) {
            return new Settings(dataDir, readers, busyTimeout, bytes, textExtractor);
        }
    }

    private final Path dataDir;
    private final SqliteBlobStore blobs;
    private final HikariDataSource readerPool;
    private final SqlWriter writer;
    private final SqliteCheckpointer checkpointer;
    private final Watchers watchers;
    private final Jdbi readers;
    private final SqlDirectory directory;
    private final SqlMailboxes mailboxes;
    private final SqlMessages messages;
    private final SqlMessageReads reads;
    private final SqlAccess sql;
    private final TextIndexer textIndexer;

    private SqliteStore(Path dataDir, FsBlobStore files, HikariDataSource readerPool, SqlWriter writer,
                        SqliteCheckpointer checkpointer, Watchers watchers, Settings settings,
                        javax.sql.DataSource bodyReaders) {
        this.dataDir = dataDir;
        this.checkpointer = checkpointer;
        this.readerPool = readerPool;
        this.writer = writer;
        this.watchers = watchers;
        this.readers = Jdbi.create(readerPool);
        Db db = new Db(readers, writer, SqlDialect.SQLITE);
        this.blobs = new SqliteBlobStore(db, bodyReaders, files, settings.inlineBlobMaxBytes());
        this.directory = new SqlDirectory(db);
        this.mailboxes = new SqlMailboxes(db);
        this.messages = new SqlMessages(db);
        this.reads = new SqlMessageReads(db);
        this.sql = new SqlAccess(db);
        this.textIndexer = new TextIndexer(db, blobs, settings.textExtractor(), writer);
    }

    /** Opens (creating and migrating if needed) the store in {@code dataDir} with default settings. */
    public static SqliteStore open(Path dataDir) {
        return open(Settings.defaults(dataDir));
    }

    public static SqliteStore open(Settings settings) {
        Path dir = settings.dataDir().toAbsolutePath();
        List<AutoCloseable> opened = new java.util.ArrayList<>(); // closed again if opening fails
        try {
            Files.createDirectories(dir);
            FsBlobStore blobs = new FsBlobStore(dir.resolve("blobs"));
            String url = "jdbc:sqlite:" + dir.resolve("yubin.db");
            SQLiteDataSource writeSource = dataSource(url, settings, false);
            Flyway.configure().dataSource(writeSource).locations(SqlDialect.SQLITE.migrations())
                    .load().migrate();
            Handle writeHandle = Jdbi.create(writeSource).open();
            opened.add(writeHandle);
            SqliteCheckpointer.disableAutomatic(writeHandle.getConnection());
            SqliteCheckpointer checkpointer = new SqliteCheckpointer(writeSource);
            opened.add(checkpointer);
            HikariConfig pool = new HikariConfig();
            pool.setDataSource(dataSource(url, settings, true));
            pool.setMaximumPoolSize(settings.readers());
            pool.setMinimumIdle(1);
            pool.setPoolName("yubin-store-read");
            pool.setConnectionInitSql("PRAGMA query_only = 1"); // readers never write
            HikariDataSource readerPool = new HikariDataSource(pool);
            opened.add(readerPool);
            Watchers watchers = new Watchers();
            SqlWriter writer = new SqlWriter(writeHandle, SqlDialect.SQLITE, watchers, blobs);
            checkpointer.onLargeLog(writer::restartLog);
            LOG.info("event=store.open kind=sqlite data={}", dir);
            return new SqliteStore(dir, blobs, readerPool, writer, checkpointer, watchers, settings,
                    dataSource(url, settings, true));
        } catch (IOException | java.sql.SQLException | RuntimeException e) {
            for (AutoCloseable c : opened.reversed()) {
                try {
                    c.close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            if (e instanceof StoreException se) {
                throw se;
            }
            throw new StoreException("cannot open the store in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static SQLiteDataSource dataSource(String url, Settings settings, boolean readOnly) {
        // Reader connections get Yubin's SQL functions (the search scans use them).
        SQLiteConfig c = new SQLiteConfig();
        c.setJournalMode(SQLiteConfig.JournalMode.WAL);
        c.setSynchronous(SQLiteConfig.SynchronousMode.FULL); // a commit is on disk when it returns
        c.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, settings.busyTimeout().toMillis()));
        c.enforceForeignKeys(true);
        c.setCacheSize(readOnly ? -8192 : -32768);
        if (readOnly) {
            // readers map the file: pages come from the OS cache without a copy per connection
            c.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(256L << 20));
        }
        SQLiteDataSource ds = readOnly ? new SqliteFunctions(c) : new SQLiteDataSource(c);
        ds.setUrl(url);
        return ds;
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * The blob store for this store's message bodies: small ones in the database, larger ones as
     * files under {@code DATA/blobs} (see {@link Settings#inlineBlobMaxBytes()}).
     */
    public SqliteBlobStore blobs() {
        return blobs;
    }

    /** Reads and group-committed writes for other tables of this database (the outbound queue). */
    public SqlAccess sql() {
        return sql;
    }

    /**
     * True while some message, some unfinished outbound queue entry or some unsent DSN part refers to the blob (for
     * {@link dev.yubin.store.BlobStore#sweepOrphans}).
     */
    public boolean isBlobReferenced(BlobId id) {
        return readers.withHandle(h -> h.createQuery("SELECT EXISTS (SELECT 1 FROM blobs WHERE name = :n)"
                        + " OR EXISTS (SELECT 1 FROM queue_entries WHERE blob = :n AND state NOT IN ('DONE', 'BOUNCED'))"
                        // a DSN not sent yet returns the original body (V20)
                        + " OR EXISTS (SELECT 1 FROM queue_reports WHERE blob = :n)")
                .bind("n", id.value()).mapTo(Boolean.class).one());
    }

    /** Deletes blob files older than {@code minAge} that no message refers to. Returns the count. */
    public int sweepOrphanBlobs(Duration minAge) throws IOException {
        int n = blobs.sweepOrphans(this::isBlobReferenced, minAge.toMillis());
        LOG.info("event=store.blob_sweep removed={}", n);
        return n;
    }

    /**
     * Checks the database: SQLite's integrity and foreign-key checks, and the store's invariants
     * (quota usage, UIDNEXT and HIGHESTMODSEQ above every message, no unused blob rows).
     * Returns the problems found, one line each; empty when all is well.
     */
    public List<String> integrityCheck() {
        return readers.withHandle(h -> SqlChecks.run(h, true));
    }

    /**
     * Indexes every message not in the full-text index yet, now (the server does it in the
     * background when idle; {@code yubin index} and tests call this). Returns the bodies indexed.
     *
     * @throws IllegalStateException if the store was opened without a text extractor
     */
    public int indexPendingTexts() {
        return textIndexer.catchUp();
    }

    /** The message reads, for tests of the message list cache. */
    SqlMessageReads reads() {
        return reads;
    }

    /** Writer figures for benchmarks (group-commit batch sizes, time in work and commits). */
    String writerStats() {
        return writer.stats();
    }

    @Override
    public void close() {
        textIndexer.close();
        writer.close();
        blobs.close();
        checkpointer.close();
        readerPool.close();
        LOG.info("event=store.close data={}", dataDir);
    }

    // ---- Directory

    @Override public void addDomain(Domain domain) { directory.addDomain(domain); }
    @Override public void removeDomain(Domain domain) { directory.removeDomain(domain); }
    @Override public List<Domain> domains() { return directory.domains(); }
    @Override public boolean isLocalDomain(Domain domain) { return directory.isLocalDomain(domain); }
    @Override public User addUser(EmailAddress a, Credentials c) { return directory.addUser(a, c); }
    @Override public Optional<User> user(EmailAddress address) { return directory.user(address); }
    @Override public Optional<User> user(UserId id) { return directory.user(id); }
    @Override public List<User> users() { return directory.users(); }
    @Override public Optional<Credentials> credentials(EmailAddress a) { return directory.credentials(a); }
    @Override public void setCredentials(EmailAddress a, Credentials c) { directory.setCredentials(a, c); }
    @Override public void setQuota(EmailAddress a, long quotaBytes) { directory.setQuota(a, quotaBytes); }
    @Override public void removeUser(EmailAddress address) { directory.removeUser(address); }
    @Override public void addAlias(Alias alias) { directory.addAlias(alias); }
    @Override public List<Alias> aliases() { return directory.aliases(); }
    @Override public void removeAlias(String source) { directory.removeAlias(source); }
    @Override public Recipients resolve(EmailAddress recipient) { return directory.resolve(recipient); }

    // ---- MailboxStore: folders

    @Override public List<Mailbox> mailboxes(UserId user) { return mailboxes.mailboxes(user); }
    @Override public Optional<Mailbox> mailbox(UserId user, String name) { return mailboxes.mailbox(user, name); }
    @Override public Optional<Mailbox> mailbox(MailboxId id) { return mailboxes.mailbox(id); }
    @Override public void deleteMailbox(MailboxId id) { mailboxes.deleteMailbox(id); }
    @Override public void renameMailbox(MailboxId id, String newName) { mailboxes.renameMailbox(id, newName); }
    @Override public void subscribe(UserId user, String name) { mailboxes.subscribe(user, name); }
    @Override public void unsubscribe(UserId user, String name) { mailboxes.unsubscribe(user, name); }
    @Override public List<String> subscriptions(UserId user) { return mailboxes.subscriptions(user); }
    @Override public MailboxCounts counts(MailboxId id) { return mailboxes.counts(id); }
    @Override public long usedBytes(UserId user) { return mailboxes.usedBytes(user); }
    @Override public long claimRecent(MailboxId mailbox) { return mailboxes.claimRecent(mailbox); }
    @Override public long claimRecent(MailboxId mailbox, long uidEnd) { return mailboxes.claimRecent(mailbox, uidEnd); }
    @Override public long countRecent(MailboxId mailbox) { return mailboxes.countRecent(mailbox); }
    @Override public long recentMark(MailboxId mailbox) { return mailboxes.recentMark(mailbox); }

    @Override
    public Mailbox createMailbox(UserId user, String name, Optional<SpecialUse> specialUse) {
        return mailboxes.createMailbox(user, name, specialUse);
    }

    // ---- MailboxStore: messages

    @Override
    public List<Delivery> deliver(NewMessage message, List<DeliveryTarget> targets) {
        return messages.deliver(message, targets);
    }

    @Override
    public AppendResult append(MailboxId mailbox, NewMessage message, Collection<String> flags) {
        return messages.append(mailbox, message, flags);
    }

    @Override
    public FlagsResult storeFlags(MailboxId mailbox, Collection<Long> uids, FlagChange change, long unchangedSince) {
        return messages.storeFlags(mailbox, uids, change, unchangedSince);
    }

    @Override
    public List<Long> expunge(MailboxId mailbox, Optional<Collection<Long>> uids) {
        return messages.expunge(mailbox, uids);
    }

    @Override public CopyResult copy(MailboxId from, Collection<Long> uids, MailboxId to) { return messages.copy(from, uids, to); }
    @Override public CopyResult move(MailboxId from, Collection<Long> uids, MailboxId to) { return messages.move(from, uids, to); }
    @Override public List<MessageRecord> messages(MailboxId mailbox) { return reads.messages(mailbox); }
    @Override public List<String> summaries(MailboxId mailbox, List<Long> uids) { return reads.summaries(mailbox, uids); }
    @Override public Changes changesSince(MailboxId mailbox, long modSeq) { return reads.changesSince(mailbox, modSeq); }
    @Override
    public List<Long> searchText(MailboxId mailbox, String text, TextScope scope) {
        return reads.searchText(mailbox, text, scope, textIndexer);
    }

    @Override
    public AutoCloseable watch(MailboxId mailbox, Runnable listener) {
        return watchers.add(mailbox.value(), listener);
    }
}
