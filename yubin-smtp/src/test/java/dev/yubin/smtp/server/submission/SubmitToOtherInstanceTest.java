package dev.yubin.smtp.server.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.yubin.auth.MessageAuthenticator;
import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.smtp.client.ClientSettings;
import dev.yubin.smtp.queue.OutboundQueue;
import dev.yubin.smtp.queue.OutboundSettings;
import dev.yubin.smtp.server.SmtpAccess;
import dev.yubin.smtp.server.SmtpServer;
import dev.yubin.smtp.server.SmtpSettings;
import dev.yubin.smtp.server.auth.AuthenticationFilter;
import dev.yubin.store.Credentials;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.sql.SqliteStore;
import dev.yubin.store.sql.queue.SqliteQueueStore;
import dev.yubin.testkit.dns.TestDnsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5's end-to-end path: a user of instance A submits with python smtplib (STARTTLS + AUTH);
 * A's outbound queue finds B by MX in the test DNS and delivers to B's MX, which checks SPF/DMARC
 * with the authentication filter and stores the message in the recipient's INBOX.
 */
class SubmitToOtherInstanceTest {
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    private static Listener listen(SmtpServer server) throws Exception {
        return new Listener(new ListenerSettings("smtp", new InetSocketAddress("127.0.0.1", 0),
                ListenerSettings.Tls.PLAIN, 100, 100, Duration.ofSeconds(30)), null, server.lineLimit(), server);
    }

    @Test
    void submittedMessageArrivesAtTheOtherInstance() throws Exception {
        MessageIndexer indexer = new MessageIndexer(MessageLimits.defaults());
        try (TestDnsServer dns = TestDnsServer.start();
             SubmissionFixture a = SubmissionFixture.start(dirA);
             SqliteStore b = SqliteStore.open(dirB)) {
            b.addDomain(Domain.parse("b.test"));
            b.addUser(EmailAddress.parse("bob@b.test"), new Credentials("$test$none", Optional.empty()));
            dns.mx("b.test", 10, "mx.b.test").a("mx.b.test", "127.0.0.1")
                    .txt("example.com", "v=spf1 ip4:127.0.0.1 -all")
                    .txt("_dmarc.example.com", "v=DMARC1; p=reject");
            SmtpServer serverB = new SmtpServer(SmtpSettings.builder().hostname("mx.b.test").build(), b, b, b.blobs(),
                    indexer, List.of(new AuthenticationFilter(new MessageAuthenticator(dns.resolver(), "mx.b.test"),
                    "mx.b.test")), Clock.systemUTC(), Optional.empty(), SmtpAccess.none());
            try (Listener listenerB = listen(serverB)) {
                OutboundSettings settings = OutboundSettings.defaults("smtp.example.com").withPort(listenerB.port())
                        .withRetry(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofDays(5), Duration.ofHours(4))
                        .withPollInterval(Duration.ofMillis(20))
                        .withClient(ClientSettings.defaults("smtp.example.com").withAllTimeouts(Duration.ofSeconds(5)));
                try (OutboundQueue queue = new OutboundQueue(settings, new SqliteQueueStore(a.store, Clock.systemUTC()),
                        dns.resolver(), a.store, a.store, a.store.blobs(), indexer, Clock.systemUTC())) {
                    queue.start();
                    SmtpServer submission = new SmtpServer(SmtpSettings.builder().hostname("smtp.example.com")
                            .mode(SmtpSettings.Mode.SUBMISSION).build(), a.store, a.store, a.store.blobs(), indexer,
                            List.of(), Clock.systemUTC(), Optional.of(queue), a.submission.access());
                    try (Listener listenerA = listen(submission)) {
                        String script = """
                                import smtplib, ssl, sys
                                ctx = ssl.create_default_context(cafile=sys.argv[2])
                                ctx.check_hostname = False
                                with smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=10) as s:
                                    s.starttls(context=ctx)
                                    s.login('alice@example.com', 'secret')
                                    s.sendmail('alice@example.com', ['bob@b.test'],
                                               'From: alice@example.com\\r\\nTo: bob@b.test\\r\\nSubject: across\\r\\n\\r\\nhello B\\r\\n')
                                print('OK')
                                """;
                        Path ca = PythonRun.writeCa(dirA, a.tls);
                        assertThat(PythonRun.run(script, String.valueOf(listenerA.port()), ca.toString())).contains("OK");
                    }
                    await().atMost(Duration.ofSeconds(20)).until(() -> inbox(b).size() == 1);
                }
            }
            String got;
            try (InputStream in = b.blobs().open(inbox(b).get(0).blob())) {
                got = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(got).contains("Subject: across").contains("hello B").contains("with ESMTPSA")
                    .contains("by mx.b.test").containsPattern("(?m)^Message-ID: ").containsPattern("spf=pass")
                    .containsPattern("dmarc=pass");
        }
    }

    private static List<MessageRecord> inbox(SqliteStore store) {
        var u = store.user(EmailAddress.parse("bob@b.test")).orElseThrow();
        return store.messages(store.mailbox(u.id(), Mailbox.INBOX).orElseThrow().id());
    }
}
