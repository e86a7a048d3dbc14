package dev.yubin.smtp.queue;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.smtp.client.ClientSettings;
import dev.yubin.smtp.server.MailParameters;
import dev.yubin.smtp.server.RcptParameters;
import dev.yubin.smtp.server.ReversePath;
import dev.yubin.store.BlobId;
import dev.yubin.store.BlobStore;
import dev.yubin.store.Credentials;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.sql.SqliteStore;
import dev.yubin.store.sql.queue.SqliteQueueStore;
import dev.yubin.testkit.dns.TestDnsServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The sending side for queue tests: a SqliteStore in a temp directory (domain example.com,
 * user alice), its SqliteQueueStore, an OutboundQueue with millisecond retries, and the
 * in-process DNS server where {@code remote.test} has its MX on 127.0.0.1.
 */
final class QueueFixture implements AutoCloseable {
    static final Credentials NO_PASSWORD = new Credentials("$test$none", Optional.empty());

    final Path dir;
    final TestDnsServer dns;
    final OutboundSettings settings;
    SqliteStore store;
    SqliteQueueStore queueStore;
    OutboundQueue queue;

    final dev.yubin.dns.Resolver resolver;

    QueueFixture(Path dir, TestDnsServer dns, OutboundSettings settings) {
        this(dir, dns, settings, dns.resolver());
    }

    /** With another resolver for the same DNS server (the benchmark caches answers, as production does). */
    QueueFixture(Path dir, TestDnsServer dns, OutboundSettings settings, dev.yubin.dns.Resolver resolver) {
        this.dir = dir;
        this.dns = dns;
        this.settings = settings;
        this.resolver = resolver;
        open();
    }

    static OutboundSettings settings(int port) {
        return OutboundSettings.defaults("out.example.com").withPort(port)
                .withRetry(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofDays(5), Duration.ofHours(4))
                .withPollInterval(Duration.ofMillis(20))
                .withClient(ClientSettings.defaults("out.example.com").withAllTimeouts(Duration.ofSeconds(5)));
    }

    static TestDnsServer dns() throws IOException {
        TestDnsServer dns = TestDnsServer.start();
        dns.mx("remote.test", 10, "mx.remote.test").a("mx.remote.test", "127.0.0.1");
        return dns;
    }

    void open() {
        store = SqliteStore.open(dir);
        if (store.domains().isEmpty()) {
            store.addDomain(Domain.parse("example.com"));
            store.addUser(EmailAddress.parse("alice@example.com"), NO_PASSWORD);
        }
        queueStore = new SqliteQueueStore(store, Clock.systemUTC());
        queue = new OutboundQueue(settings, queueStore, resolver, store, store, store.blobs(),
                new MessageIndexer(MessageLimits.defaults()), Clock.systemUTC());
        queue.start();
    }

    /** Closes queue and store as a restart would, then opens them again. */
    void restart() {
        queue.close();
        store.close();
        open();
    }

    BlobId blob(String message) throws IOException {
        try (BlobStore.Writer w = store.blobs().create()) {
            w.stream().write(message.getBytes(StandardCharsets.UTF_8));
            return w.commit();
        }
    }

    static String message(String subject) {
        return "Return-Path: <alice@example.com>\r\nFrom: alice@example.com\r\nTo: someone@remote.test\r\n"
                + "Subject: " + subject + "\r\nMessage-ID: <" + subject.replace(' ', '.') + "@example.com>\r\n\r\n"
                + "Hello.\r\n.leading dot\r\nBye.\r\n";
    }

    List<Long> send(String subject, ReversePath from, MailParameters params, List<OutboundQueue.Target> to)
            throws IOException {
        String m = message(subject);
        return queue.submit(null, blob(m), m.getBytes(StandardCharsets.UTF_8).length, from, params, to);
    }

    List<Long> send(String subject, String... to) throws IOException {
        return send(subject, ReversePath.of(EmailAddress.parse("alice@example.com")), MailParameters.NONE,
                java.util.Arrays.stream(to).map(a -> new OutboundQueue.Target(a, RcptParameters.NONE)).toList());
    }

    QueueEntry entry(long id) {
        return queueStore.entry(id).orElseThrow();
    }

    List<MessageRecord> inbox(String address) {
        var user = store.user(EmailAddress.parse(address)).orElseThrow();
        Mailbox m = store.mailbox(user.id(), Mailbox.INBOX).orElseThrow();
        return store.messages(m.id());
    }

    String text(MessageRecord r) throws IOException {
        try (InputStream in = store.blobs().open(r.blob())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        queue.close();
        store.close();
    }
}
