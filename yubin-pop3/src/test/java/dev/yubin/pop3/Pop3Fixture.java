package dev.yubin.pop3;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.net.auth.Authenticator;
import dev.yubin.net.auth.CleartextPolicy;
import dev.yubin.net.auth.LoginThrottle;
import dev.yubin.net.auth.LoginThrottleSettings;
import dev.yubin.net.sasl.SaslMechanisms;
import dev.yubin.net.tls.TlsContexts;
import dev.yubin.net.tls.TlsSettings;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Delivery;
import dev.yubin.store.DeliveryTarget;
import dev.yubin.store.Mailbox;
import dev.yubin.store.NewMessage;
import dev.yubin.store.Passwords;
import dev.yubin.store.User;
import dev.yubin.store.sql.SqliteStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A real POP3 server on 127.0.0.1 (ephemeral ports, plain + implicit TLS) over a real SQLite store
 * in a temporary directory, with user alice@example.com / "secret".
 */
final class Pop3Fixture implements AutoCloseable {
    static final String ALICE = "alice@example.com";
    static final String PASSWORD = "secret";
    /** Hashed once per test JVM: Argon2id is deliberately slow. */
    private static final dev.yubin.store.Credentials CREDENTIALS = Passwords.create(PASSWORD);

    final SqliteStore store;
    final TlsContexts tls;
    final LoginThrottle throttle;
    final Pop3Server server;
    final Listener plain;
    final Listener implicit;
    final User alice;

    Pop3Fixture(Path dir) throws IOException {
        this(dir, Pop3Settings.defaults("pop.example.com"), CleartextPolicy.LOOPBACK_ONLY, LoginThrottleSettings.NONE);
    }

    Pop3Fixture(Path dir, Pop3Settings settings, CleartextPolicy cleartext, LoginThrottleSettings throttleSettings)
            throws IOException {
        store = SqliteStore.open(dir.resolve("data"));
        store.addDomain(Domain.parse("example.com"));
        alice = store.addUser(EmailAddress.parse(ALICE), CREDENTIALS);
        tls = TlsContexts.load(TlsSettings.selfSigned(dir.resolve("data"), "localhost"));
        Authenticator auth = new Authenticator(store);
        throttle = new LoginThrottle(throttleSettings);
        server = new Pop3Server(settings, store, store.blobs(), auth, throttle, new SaslMechanisms(auth, cleartext),
                Optional.of(tls));
        plain = server.listen(listenerSettings("pop3", ListenerSettings.Tls.PLAIN));
        implicit = server.listen(listenerSettings("pop3s", ListenerSettings.Tls.IMPLICIT));
    }

    private static ListenerSettings listenerSettings(String name, ListenerSettings.Tls mode) {
        return new ListenerSettings(name, new InetSocketAddress("127.0.0.1", 0), mode, 100, 50, Duration.ofMinutes(10));
    }

    /** Delivers a message (text with CRLF line ends) to the user's INBOX; returns its UID. */
    long deliver(User user, String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        BlobId id;
        try (BlobStore.Writer w = store.blobs().create()) {
            w.stream().write(bytes);
            id = w.commit();
        }
        List<Delivery> d = store.deliver(new NewMessage(id, bytes.length, Instant.now(), ""),
                List.of(DeliveryTarget.inbox(user.id())));
        return ((Delivery.Delivered) d.get(0)).uid();
    }

    /** A simple message of about {@code size} octets. */
    static String message(int n, int bodyLines) {
        StringBuilder sb = new StringBuilder()
                .append("From: sender@example.org\r\n")
                .append("To: alice@example.com\r\n")
                .append("Subject: message ").append(n).append("\r\n")
                .append("Message-ID: <m").append(n).append("@example.org>\r\n\r\n");
        for (int i = 1; i <= bodyLines; i++) {
            sb.append("line ").append(i).append(" of message ").append(n).append("\r\n");
        }
        return sb.toString();
    }

    Mailbox inbox(User user) {
        return store.mailbox(user.id(), Mailbox.INBOX).orElseThrow();
    }

    Pop3Client client() throws IOException {
        return Pop3Client.connect(plain.port());
    }

    /** A client that has logged in as alice. */
    Pop3Client aliceSession() throws IOException {
        Pop3Client c = client();
        c.expectOk(c.command("USER " + ALICE));
        c.expectOk(c.command("PASS " + PASSWORD));
        return c;
    }

    Pop3Client tlsClient() throws IOException {
        return Pop3Client.connectTls(implicit.port(), tls.defaultChain());
    }

    @Override
    public void close() {
        plain.close();
        implicit.close();
        store.close();
    }
}
