package dev.yubin.smtp.server;

import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.store.Alias;
import dev.yubin.store.Credentials;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.User;
import dev.yubin.store.sql.SqliteStore;
import dev.yubin.testkit.smtp.SmtpTestClient;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A real server for tests: SqliteStore + FsBlobStore in a temp directory, a Listener on
 * 127.0.0.1:0 and an SmtpServer. Domains {@code example.com}, {@code example.org},
 * {@code catchall.example}; users alice, bob (example.com), carol (example.org), full (quota 1
 * octet); aliases sales → alice+bob, fwd → an outside address, {@code @catchall.example} → alice.
 */
public final class SmtpFixture implements AutoCloseable {
    static final Credentials NO_PASSWORD = new Credentials("$test$none", Optional.empty());

    public final SqliteStore store;
    public final SmtpServer server;
    public final Listener listener;

    private SmtpFixture(SqliteStore store, SmtpServer server, Listener listener) {
        this.store = store;
        this.server = server;
        this.listener = listener;
    }

    public static SmtpFixture start(Path dir) throws IOException {
        return start(dir, SmtpSettings.builder().hostname("mx.example.com").build(), List.of(), 100);
    }

    public static SmtpFixture start(Path dir, SmtpSettings settings, List<InboundFilter> filters, int maxPerAddress)
            throws IOException {
        SqliteStore store = SqliteStore.open(dir);
        populate(store);
        SmtpServer server = new SmtpServer(settings, store, store, store.blobs(),
                new MessageIndexer(MessageLimits.defaults()), filters, Clock.systemUTC());
        return listen(store, server, maxPerAddress);
    }

    public static SmtpFixture listen(SqliteStore store, SmtpServer server, int maxPerAddress) throws IOException {
        ListenerSettings ls = new ListenerSettings("smtp", new InetSocketAddress("127.0.0.1", 0),
                ListenerSettings.Tls.PLAIN, 1000, maxPerAddress, Duration.ofSeconds(30));
        Listener listener = new Listener(ls, null, server.lineLimit(), server);
        return new SmtpFixture(store, server, listener);
    }

    public static void populate(SqliteStore store) {
        if (!store.domains().isEmpty()) {
            return;
        }
        store.addDomain(Domain.parse("example.com"));
        store.addDomain(Domain.parse("example.org"));
        store.addDomain(Domain.parse("catchall.example"));
        for (String u : List.of("alice@example.com", "bob@example.com", "carol@example.org", "full@example.com")) {
            store.addUser(EmailAddress.parse(u), NO_PASSWORD);
        }
        store.setQuota(EmailAddress.parse("full@example.com"), 1);
        store.addAlias(new Alias("sales@example.com",
                List.of(EmailAddress.parse("alice@example.com"), EmailAddress.parse("bob@example.com"))));
        store.addAlias(new Alias("fwd@example.com", List.of(EmailAddress.parse("someone@remote.example"))));
        store.addAlias(new Alias("@catchall.example", List.of(EmailAddress.parse("alice@example.com"))));
    }

    public int port() {
        return listener.port();
    }

    public SmtpTestClient client() throws IOException {
        return SmtpTestClient.connect(port());
    }

    /** A client that has read the greeting and sent EHLO. */
    public SmtpTestClient greeted() throws IOException {
        SmtpTestClient c = client();
        c.hello("client.example.net");
        return c;
    }

    public User user(String address) {
        return store.user(EmailAddress.parse(address)).orElseThrow();
    }

    public List<MessageRecord> inbox(String address) {
        return folder(address, Mailbox.INBOX);
    }

    public List<MessageRecord> folder(String address, String name) {
        Mailbox m = store.mailbox(user(address).id(), name).orElseThrow();
        return store.messages(m.id());
    }

    public String text(MessageRecord r) throws IOException {
        try (InputStream in = store.blobs().open(r.blob())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        listener.close();
        store.close();
    }
}
