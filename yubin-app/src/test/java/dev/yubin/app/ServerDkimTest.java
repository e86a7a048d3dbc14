package dev.yubin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.yubin.app.config.Config;
import dev.yubin.app.dkim.DkimKeyStore;
import dev.yubin.auth.RawMessage;
import dev.yubin.auth.dkim.DkimResult;
import dev.yubin.auth.dkim.DkimVerifier;
import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.smtp.server.SmtpServer;
import dev.yubin.smtp.server.SmtpSettings;
import dev.yubin.store.Alias;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.Passwords;
import dev.yubin.store.sql.SqliteStore;
import dev.yubin.testkit.dns.TestDnsServer;
import dev.yubin.testkit.smtp.SmtpTestClient;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The composition root signs with the keys {@code yubin dkim generate} stored: a message an
 * authenticated user submits, forwarded by an alias to another instance, arrives with signatures
 * that verify against the keys {@code yubin dns} would publish (served here by the test DNS); the
 * same message from an unauthenticated MX client is forwarded without our signature.
 */
class ServerDkimTest {
    @TempDir
    Path dir;

    @Test
    void submittedMailIsSignedWithTheGeneratedKeys() throws Exception {
        assertThat(forward(Sender.AUTHENTICATED)).hasSize(2)
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(DkimResult.Status.PASS));
    }

    @Test
    void unauthenticatedMailIsNotSignedWithOurKeys() throws Exception {
        assertThat(forward(Sender.UNAUTHENTICATED)).isEmpty();
    }

    private enum Sender { AUTHENTICATED, UNAUTHENTICATED }

    private List<DkimResult> forward(Sender sender) throws Exception {
        Path data = dir.resolve("data");
        Path config = dir.resolve("yubin.yaml");
        try (TestDnsServer dns = TestDnsServer.start(); SqliteStore b = SqliteStore.open(dir.resolve("b"))) {
            b.addDomain(Domain.parse("b.test"));
            b.addUser(EmailAddress.parse("bob@b.test"), Passwords.create("pw"));
            SmtpServer serverB = new SmtpServer(SmtpSettings.builder().hostname("mx.b.test").build(), b, b, b.blobs(),
                    new MessageIndexer(MessageLimits.defaults()), List.of(), Clock.systemUTC());
            try (Listener listenerB = new Listener(new ListenerSettings("smtp", new InetSocketAddress("127.0.0.1", 0),
                    ListenerSettings.Tls.PLAIN, 10, 10, Duration.ofSeconds(30)), null, serverB.lineLimit(), serverB)) {
                int port = CrashRecoveryTest.freePort();
                int submissionPort = CrashRecoveryTest.freePort();
                Files.writeString(config, "data-dir: " + data + "\nhostname: mx.a.test\nsmtp:\n  listen: 127.0.0.1:" + port
                        + "\nsubmission:\n  listen: 127.0.0.1:" + submissionPort
                        + "\nsubmissions:\n  listen: off\nimap:\n  listen: off\n"
                        + "imaps:\n  listen: off\npop3:\n  listen: off\npop3s:\n  listen: off\nhttp:\n  listen: off\n"
                        + "dns:\n  server: 127.0.0.1:" + dns.address().getPort() + "\ndelivery:\n  port: "
                        + listenerB.port() + "\n");
                try (Stores s = Stores.open(data)) {
                    s.directory().addDomain(Domain.parse("a.test"));
                    s.directory().addUser(EmailAddress.parse("alice@a.test"), Passwords.create("secret"));
                    s.directory().addAlias(new Alias("fwd@a.test", List.of(EmailAddress.parse("bob@b.test"))));
                }
                assertThat(Main.run("dkim", "generate", "a.test", "--config", config.toString())).isZero();
                for (DkimKeyStore.StoredKey k : new DkimKeyStore(data.resolve("dkim"), Clock.systemUTC()).list("a.test")) {
                    dns.txt(k.selector() + "._domainkey.a.test", k.dnsRecord());
                }
                dns.mx("b.test", 10, "mx.b.test").a("mx.b.test", "127.0.0.1");
                try (Server server = Server.start(Config.load(config));
                     SmtpTestClient c = SmtpTestClient.connect(sender == Sender.AUTHENTICATED ? submissionPort : port)) {
                    c.hello("client.a.test");
                    if (sender == Sender.AUTHENTICATED) {
                        String plain = java.util.Base64.getEncoder().encodeToString(
                                "\0alice@a.test\0secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        assertThat(c.command("AUTH PLAIN " + plain).code()).isEqualTo(235);
                    }
                    assertThat(c.command("MAIL FROM:<alice@a.test>").code()).isEqualTo(250);
                    assertThat(c.command("RCPT TO:<fwd@a.test>").code()).isEqualTo(250);
                    assertThat(c.command("DATA").code()).isEqualTo(354);
                    c.sendRaw("From: Alice <alice@a.test>\r\nTo: fwd@a.test\r\nSubject: signed\r\n\r\nhi\r\n.\r\n");
                    assertThat(c.readReply().code()).isEqualTo(250);
                    await().atMost(Duration.ofSeconds(20)).until(() -> inbox(b).size() == 1);
                }
                byte[] got;
                try (InputStream in = b.blobs().open(inbox(b).get(0).blob())) {
                    got = in.readAllBytes();
                }
                return new DkimVerifier(dns.resolver()).verify(RawMessage.parse(got));
            }
        }
    }

    private static List<MessageRecord> inbox(SqliteStore store) {
        var u = store.user(EmailAddress.parse("bob@b.test")).orElseThrow();
        return store.messages(store.mailbox(u.id(), Mailbox.INBOX).orElseThrow().id());
    }
}
