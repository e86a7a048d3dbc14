package dev.yubin.imap.server;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.imap.ImapServer;
import dev.yubin.imap.ImapSettings;
import dev.yubin.message.IndexedMessage;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.net.auth.Authenticator;
import dev.yubin.net.auth.LoginThrottle;
import dev.yubin.net.auth.LoginThrottleSettings;
import dev.yubin.net.tls.TlsContexts;
import dev.yubin.net.tls.TlsSettings;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Delivery;
import dev.yubin.store.DeliveryTarget;
import dev.yubin.store.NewMessage;
import dev.yubin.store.Passwords;
import dev.yubin.store.User;
import dev.yubin.store.sql.SqliteStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A real IMAP server on 127.0.0.1 (ephemeral port) over a real SqliteStore in a temporary directory. */
public final class ImapFixture implements AutoCloseable {
    public static final String PASSWORD = "secret-pw";
    private static final dev.yubin.store.Credentials CREDENTIALS = Passwords.create(PASSWORD);

    public final SqliteStore store;
    public final BlobStore blobs;
    public final MessageIndexer indexer = new MessageIndexer(MessageLimits.defaults());
    public final ImapServer server;
    public final Listener listener;
    public final User alice;
    public final User bob;
    public final TlsContexts tls;

    public ImapFixture(Path dir) throws IOException {
        this(dir, ImapSettings.defaults());
    }

    public ImapFixture(Path dir, ImapSettings settings) throws IOException {
        store = SqliteStore.open(SqliteStore.Settings.defaults(dir).withTextExtractor(in -> {
            dev.yubin.message.MessageText t = indexer.text(in);
            return new dev.yubin.store.TextExtractor.Text(t.headers(), t.body());
        }));
        blobs = store.blobs();
        store.addDomain(Domain.parse("example.com"));
        alice = store.addUser(EmailAddress.parse("alice@example.com"), CREDENTIALS);
        bob = store.addUser(EmailAddress.parse("bob@example.com"), CREDENTIALS);
        tls = TlsContexts.load(TlsSettings.selfSigned(dir.resolve("tls-data"), "localhost"));
        server = new ImapServer(settings, store, store, blobs, indexer, new Authenticator(store),
                new LoginThrottle(LoginThrottleSettings.DEFAULTS), Optional.of(tls));
        listener = new Listener(new ListenerSettings("imap", new InetSocketAddress("127.0.0.1", 0),
                ListenerSettings.Tls.PLAIN, 200, 200, Duration.ofMinutes(30)), null, settings.maxLineLength(), server);
    }

    public int port() {
        return listener.port();
    }

    public ImapTestClient connect() throws IOException {
        return new ImapTestClient(port());
    }

    /** A client logged in as alice. */
    public ImapTestClient login() throws IOException {
        ImapTestClient c = connect();
        c.ok("LOGIN alice@example.com " + PASSWORD);
        return c;
    }

    /** Delivers a message to a user's INBOX the way SMTP does. */
    public long deliver(User user, String message) {
        return deliver(user, "INBOX", message);
    }

    public long deliver(User user, String mailbox, String message) {
        byte[] data = message.getBytes(StandardCharsets.UTF_8);
        try {
            IndexedMessage im = indexer.index(data, 0, data.length);
            BlobId id;
            try (BlobStore.Writer w = blobs.create()) {
                w.stream().write(data);
                id = w.commit();
            }
            NewMessage nm = new NewMessage(id, data.length, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                    im.summary().toJson());
            List<Delivery> d = store.deliver(nm, List.of(new DeliveryTarget(user.id(), mailbox, Set.of())));
            return ((Delivery.Delivered) d.get(0)).uid();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String message(String subject, String body) {
        return "From: Carol <carol@example.org>\r\nTo: alice@example.com\r\nSubject: " + subject
                + "\r\nDate: Mon, 02 Nov 2026 10:00:00 +0000\r\nMessage-ID: <" + Math.abs(subject.hashCode())
                + "@example.org>\r\n\r\n" + body + "\r\n";
    }

    @Override
    public void close() {
        listener.close();
        store.close();
    }
}
