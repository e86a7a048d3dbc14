package dev.yubin.smtp.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import dev.yubin.store.queue.QueueState;
import dev.yubin.store.sql.SqliteStore;
import dev.yubin.testkit.dns.TestDnsServer;
import dev.yubin.testkit.smtp.SmtpTestClient;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two Yubin instances on loopback: A's MX server forwards an alias to an address at B through
 * the outbound queue (the OutboundRouter); the queue finds B by MX lookup in the test DNS and
 * delivers over SMTP to B's real MX server, which stores it in the recipient's INBOX.
 */
class TwoInstancesTest {
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    private static Listener listen(SmtpServer server) throws Exception {
        return new Listener(new ListenerSettings("smtp", new InetSocketAddress("127.0.0.1", 0),
                ListenerSettings.Tls.PLAIN, 100, 100, Duration.ofSeconds(30)), null, server.lineLimit(), server);
    }

    private static String text(SqliteStore store, MessageRecord r) throws Exception {
        try (InputStream in = store.blobs().open(r.blob())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static List<MessageRecord> inbox(SqliteStore store, String address) {
        var u = store.user(EmailAddress.parse(address)).orElseThrow();
        return store.messages(store.mailbox(u.id(), Mailbox.INBOX).orElseThrow().id());
    }

    @Test
    void aliasForwardTravelsToTheOtherInstanceByMx() throws Exception {
        MessageIndexer indexer = new MessageIndexer(MessageLimits.defaults());
        try (TestDnsServer dns = TestDnsServer.start();
             SqliteStore b = SqliteStore.open(dirB);
             SqliteStore a = SqliteStore.open(dirA)) {
            b.addDomain(Domain.parse("b.test"));
            b.addUser(EmailAddress.parse("bob@b.test"), QueueFixture.NO_PASSWORD);
            SmtpServer serverB = new SmtpServer(SmtpSettings.builder().hostname("mx.b.test").build(), b, b, b.blobs(),
                    indexer, List.of(), Clock.systemUTC());
            a.addDomain(Domain.parse("a.test"));
            a.addUser(EmailAddress.parse("alice@a.test"), QueueFixture.NO_PASSWORD);
            a.addAlias(new Alias("fwd@a.test", List.of(EmailAddress.parse("alice@a.test"),
                    EmailAddress.parse("bob@b.test"))));
            try (Listener listenerB = listen(serverB)) {
                dns.mx("b.test", 10, "mx.b.test").a("mx.b.test", "127.0.0.1");
                OutboundSettings settings = QueueFixture.settings(listenerB.port());
                try (OutboundQueue queue = new OutboundQueue(settings, new dev.yubin.store.sql.queue.SqliteQueueStore(a,
                        Clock.systemUTC()), dns.resolver(), a, a, a.blobs(), indexer, Clock.systemUTC())) {
                    queue.start();
                    SmtpServer serverA = new SmtpServer(SmtpSettings.builder().hostname("mx.a.test").build(), a, a,
                            a.blobs(), indexer, List.of(), Clock.systemUTC(), queue);
                    try (Listener listenerA = listen(serverA); SmtpTestClient c = SmtpTestClient.connect(listenerA.port())) {
                        c.hello("client.example.net");
                        assertThat(c.command("MAIL FROM:<carol@elsewhere.test>").code()).isEqualTo(250);
                        assertThat(c.command("RCPT TO:<fwd@a.test>").code()).isEqualTo(250);
                        assertThat(c.command("DATA").code()).isEqualTo(354);
                        c.sendRaw("From: carol@elsewhere.test\r\nSubject: across\r\n\r\nover the wire\r\n.\r\n");
                        assertThat(c.readReply().code()).isEqualTo(250);
                    }
                    await().atMost(Duration.ofSeconds(20)).until(() -> inbox(b, "bob@b.test").size() == 1);
                    assertThat(inbox(a, "alice@a.test")).hasSize(1);
                    String got = text(b, inbox(b, "bob@b.test").get(0));
                    assertThat(got).startsWith("Return-Path: <carol@elsewhere.test>").contains("Subject: across")
                            .contains("over the wire");
                    assertThat(got.split("Return-Path:", -1)).as("one Return-Path only").hasSize(2);
                    assertThat(got).contains("by mx.a.test").contains("by mx.b.test");
                    await().atMost(Duration.ofSeconds(5)).until(() -> queue.store().list(10).isEmpty());
                    assertThat(queue.store().counts()).containsEntry(QueueState.DONE, 1L);
                }
            }
        }
    }
}
