package dev.yubin.smtp.server.submission;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.net.auth.Authenticator;
import dev.yubin.net.auth.CleartextPolicy;
import dev.yubin.net.auth.LoginThrottle;
import dev.yubin.net.auth.LoginThrottleSettings;
import dev.yubin.net.sasl.SaslMechanisms;
import dev.yubin.net.tls.TlsContexts;
import dev.yubin.net.tls.TlsSettings;
import dev.yubin.smtp.server.OutboundRouter;
import dev.yubin.smtp.server.SmtpAccess;
import dev.yubin.smtp.server.SmtpServer;
import dev.yubin.smtp.server.SmtpSettings;
import dev.yubin.store.Alias;
import dev.yubin.store.Credentials;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.Passwords;
import dev.yubin.store.sql.SqliteStore;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A submission server (STARTTLS on one listener, implicit TLS on another) and an MX with STARTTLS,
 * over one real SQLite store: domain example.com, users alice and bob (password "secret"),
 * alias ali → alice, sales → alice + bob. Outside recipients go to a recording router standing in
 * for the outbound queue.
 */
final class SubmissionFixture implements AutoCloseable {
    static final String PASSWORD = "secret";
    /** Hashed once per JVM: Argon2id is deliberately slow. */
    private static final Credentials CREDENTIALS = Passwords.create(PASSWORD);

    final SqliteStore store;
    final TlsContexts tls;
    final LoginThrottle throttle;
    final List<OutboundRouter.OutboundMessage> routed = new CopyOnWriteArrayList<>();
    final SmtpServer submission;
    final SmtpServer mx;
    final Listener submissionListener;
    final Listener submissionsListener;
    final Listener mxListener;

    SubmissionFixture(Path dir, CleartextPolicy cleartext, LoginThrottleSettings throttleSettings,
                      Optional<OutboundRouter> router) throws IOException {
        store = SqliteStore.open(dir.resolve("data"));
        store.addDomain(Domain.parse("example.com"));
        store.addUser(EmailAddress.parse("alice@example.com"), CREDENTIALS);
        store.addUser(EmailAddress.parse("bob@example.com"), CREDENTIALS);
        store.addAlias(new Alias("ali@example.com", List.of(EmailAddress.parse("alice@example.com"))));
        store.addAlias(new Alias("sales@example.com",
                List.of(EmailAddress.parse("alice@example.com"), EmailAddress.parse("bob@example.com"))));
        tls = TlsContexts.load(TlsSettings.selfSigned(dir.resolve("data"), "localhost"));
        Authenticator auth = new Authenticator(store);
        throttle = new LoginThrottle(throttleSettings);
        SmtpAccess access = new SmtpAccess(Optional.of(tls.serverContext()),
                Optional.of(new SaslMechanisms(auth, cleartext)), throttle);
        MessageIndexer indexer = new MessageIndexer(MessageLimits.defaults());
        submission = new SmtpServer(SmtpSettings.builder().hostname("smtp.example.com")
                .mode(SmtpSettings.Mode.SUBMISSION).build(), store, store, store.blobs(), indexer, List.of(),
                Clock.systemUTC(), router, access);
        mx = new SmtpServer(SmtpSettings.builder().hostname("mx.example.com").build(), store, store, store.blobs(),
                indexer, List.of(), Clock.systemUTC(), Optional.empty(), SmtpAccess.tls(tls.serverContext()));
        submissionListener = listen("submission", ListenerSettings.Tls.PLAIN, submission);
        submissionsListener = listen("submissions", ListenerSettings.Tls.IMPLICIT, submission);
        mxListener = listen("smtp", ListenerSettings.Tls.PLAIN, mx);
    }

    /** Loopback may send passwords in clear (the default policy), no throttling, a recording router. */
    static SubmissionFixture start(Path dir) throws IOException {
        return start(dir, CleartextPolicy.LOOPBACK_ONLY, LoginThrottleSettings.NONE);
    }

    static SubmissionFixture start(Path dir, CleartextPolicy cleartext, LoginThrottleSettings throttle)
            throws IOException {
        SubmissionFixture[] self = new SubmissionFixture[1];
        OutboundRouter recorder = message -> self[0].routed.add(message);
        self[0] = new SubmissionFixture(dir, cleartext, throttle, Optional.of(recorder));
        return self[0];
    }

    private Listener listen(String name, ListenerSettings.Tls mode, SmtpServer server) throws IOException {
        ListenerSettings ls = new ListenerSettings(name, new InetSocketAddress("127.0.0.1", 0), mode, 100, 50,
                Duration.ofSeconds(30));
        return new Listener(ls, mode == ListenerSettings.Tls.IMPLICIT ? tls.serverContext() : null,
                server.lineLimit(), server);
    }

    List<MessageRecord> inbox(String address) {
        Mailbox m = store.mailbox(store.user(EmailAddress.parse(address)).orElseThrow().id(), Mailbox.INBOX)
                .orElseThrow();
        return store.messages(m.id());
    }

    String text(MessageRecord r) throws IOException {
        try (InputStream in = store.blobs().open(r.blob())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        submissionListener.close();
        submissionsListener.close();
        mxListener.close();
        store.close();
    }
}
