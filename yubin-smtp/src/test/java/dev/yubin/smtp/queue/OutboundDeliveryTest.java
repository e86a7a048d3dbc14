package dev.yubin.smtp.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.yubin.core.EmailAddress;
import dev.yubin.smtp.client.ScriptedSmtpServer;
import dev.yubin.smtp.server.MailParameters;
import dev.yubin.smtp.server.RcptParameters;
import dev.yubin.smtp.server.ReversePath;
import dev.yubin.store.queue.QueueState;
import dev.yubin.store.queue.RecipientState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queue against a scripted receiver: retries, bounces, per-recipient results, restarts. */
class OutboundDeliveryTest extends QueueTestBase {
    private static final Duration WAIT = Duration.ofSeconds(20);


    @BeforeEach
    void dnsUp() throws Exception {
        dns = QueueFixture.dns();
    }


    private void start(ScriptedSmtpServer.Script script) throws Exception {
        receiver = ScriptedSmtpServer.start(script);
        q = new QueueFixture(dir, dns, QueueFixture.settings(receiver.port()));
    }

    @Test
    void temporaryFailureIsRetriedAndDeliveredExactlyOnce() throws Exception {
        start(new ScriptedSmtpServer.Script() {
            @Override
            public String endOfData(int attempt) {
                return attempt == 1 ? "451 4.3.0 try later" : "250 2.0.0 Ok";
            }
        });
        long id = q.send("retry me", "bob@remote.test").get(0);
        await().atMost(WAIT).until(() -> q.entry(id).state() == QueueState.DONE);
        assertThat(receiver.received()).hasSize(1);
        assertThat(q.entry(id).attempts()).isEqualTo(2);
        String data = receiver.received().get(0).data();
        assertThat(data).doesNotContain("Return-Path").contains("Subject: retry me").contains("\r\n.leading dot\r\n");
        assertThat(q.inbox("alice@example.com")).as("no DSN for a success").isEmpty();
        Thread.sleep(200);
        assertThat(receiver.received()).hasSize(1);
    }

    @Test
    void permanentFailureSendsOneDsnToTheLocalSender() throws Exception {
        start(new ScriptedSmtpServer.Script() {
            @Override
            public String rcpt(String address, int attempt) {
                return "550 5.1.1 no such user here";
            }
        });
        long id = q.send("doomed", "nobody@remote.test").get(0);
        await().atMost(WAIT).until(() -> q.entry(id).state() == QueueState.BOUNCED);
        await().atMost(WAIT).until(() -> q.inbox("alice@example.com").size() == 1);
        String dsn = q.text(q.inbox("alice@example.com").get(0));
        assertThat(dsn).startsWith("Return-Path: <>").contains("multipart/report; report-type=delivery-status")
                .contains("Final-Recipient: rfc822; nobody@remote.test").contains("Action: failed")
                .contains("Status: 5.1.1").contains("Remote-MTA: dns; mx.remote.test")
                .contains("Diagnostic-Code: smtp; 550 5.1.1 no such user here")
                .contains("text/rfc822-headers").contains("Subject: doomed");
        assertThat(q.entry(id).attempts()).isEqualTo(1);
        Thread.sleep(200);
        assertThat(q.inbox("alice@example.com")).hasSize(1);
    }

    @Test
    void mixedRecipientResultsAreHandledEachOnItsOwn() throws Exception {
        start(new ScriptedSmtpServer.Script() {
            @Override
            public String rcpt(String address, int attempt) {
                return switch (address) {
                    case "later@remote.test" -> attempt == 1 ? "450 4.2.1 mailbox busy" : "250 2.1.5 Ok";
                    case "gone@remote.test" -> "550 5.1.1 gone";
                    default -> "250 2.1.5 Ok";
                };
            }
        });
        long id = q.send("mixed", "ok@remote.test", "later@remote.test", "gone@remote.test").get(0);
        await().atMost(WAIT).until(() -> q.entry(id).state() == QueueState.BOUNCED);
        var e = q.entry(id);
        assertThat(e.recipients()).extracting(r -> r.state())
                .containsExactly(RecipientState.DELIVERED, RecipientState.DELIVERED, RecipientState.FAILED);
        assertThat(receiver.received()).extracting(ScriptedSmtpServer.Received::recipients)
                .containsExactly(List.of("ok@remote.test"), List.of("later@remote.test"));
        await().atMost(WAIT).until(() -> q.inbox("alice@example.com").size() == 1);
        String dsn = q.text(q.inbox("alice@example.com").get(0));
        assertThat(dsn).contains("Final-Recipient: rfc822; gone@remote.test")
                .doesNotContain("Final-Recipient: rfc822; ok@remote.test")
                .doesNotContain("Final-Recipient: rfc822; later@remote.test");
    }

    @Test
    void connectionDroppedMidDataIsRetried() throws Exception {
        start(new ScriptedSmtpServer.Script() {
            @Override
            public boolean dropMidData(int attempt) {
                return attempt == 1;
            }
        });
        long id = q.send("dropped", "bob@remote.test").get(0);
        await().atMost(WAIT).until(() -> q.entry(id).state() == QueueState.DONE);
        assertThat(receiver.received()).hasSize(1);
        assertThat(q.entry(id).attempts()).isEqualTo(2);
        assertThat(receiver.connections()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void queuedMessagesSurviveARestartAndAreDeliveredOnce() throws Exception {
        AtomicBoolean up = new AtomicBoolean(false);
        start(new ScriptedSmtpServer.Script() {
            @Override
            public String rcpt(String address, int attempt) {
                return up.get() ? "250 2.1.5 Ok" : "451 4.3.2 not now";
            }
        });
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.addAll(q.send("restart " + i, "bob@remote.test"));
        }
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> q.entry(id).attempts() >= 1));
        q.restart();
        up.set(true);
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> q.entry(id).state() == QueueState.DONE));
        assertThat(receiver.received()).hasSize(5);
        assertThat(receiver.received()).extracting(r -> r.data().lines().filter(l -> l.startsWith("Subject:"))
                .findFirst().orElseThrow()).doesNotHaveDuplicates();
    }

    @Test
    void smtpUtf8MessageToAServerWithoutItBouncesWithAReason() throws Exception {
        start(new ScriptedSmtpServer.Script() {
            @Override
            public List<String> extensions() {
                return List.of("PIPELINING", "8BITMIME", "ENHANCEDSTATUSCODES");
            }
        });
        MailParameters utf8 = new MailParameters(OptionalLong.empty(), MailParameters.Body.EIGHT_BIT_MIME,
                MailParameters.Utf8.REQUESTED, Optional.empty(), Optional.empty());
        long id = q.send("utf8", ReversePath.of(EmailAddress.parse("alice@example.com")), utf8,
                List.of(new OutboundQueue.Target("bob@remote.test", RcptParameters.NONE))).get(0);
        await().atMost(WAIT).until(() -> q.entry(id).state() == QueueState.BOUNCED);
        assertThat(receiver.received()).isEmpty();
        assertThat(receiver.commands()).noneMatch(c -> c.startsWith("MAIL"));
        await().atMost(WAIT).until(() -> q.inbox("alice@example.com").size() == 1);
        assertThat(q.text(q.inbox("alice@example.com").get(0))).contains("Status: 5.6.7").contains("SMTPUTF8");
    }

    @Test
    void nullMxBouncesAtOnceWithoutConnecting() throws Exception {
        start(new ScriptedSmtpServer.Script() { });
        dns.mx("nomail.test", 0, ".");
        long id = q.send("null mx", "x@nomail.test").get(0);
        await().atMost(WAIT).until(() -> q.entry(id).state() == QueueState.BOUNCED);
        assertThat(receiver.connections()).isZero();
        await().atMost(WAIT).until(() -> q.inbox("alice@example.com").size() == 1);
        assertThat(q.text(q.inbox("alice@example.com").get(0))).contains("Status: 5.1.10").contains("null MX");
    }

    @Test
    void notifyNeverMeansNoBounce() throws Exception {
        start(new ScriptedSmtpServer.Script() {
            @Override
            public String rcpt(String address, int attempt) {
                return "550 5.1.1 no";
            }
        });
        RcptParameters never = new RcptParameters(Set.of(RcptParameters.Notify.NEVER), Optional.empty());
        long id = q.send("never", ReversePath.of(EmailAddress.parse("alice@example.com")), MailParameters.NONE,
                List.of(new OutboundQueue.Target("bob@remote.test", never))).get(0);
        await().atMost(WAIT).until(() -> q.entry(id).state() == QueueState.BOUNCED);
        assertThat(receiver.commands()).anyMatch(c -> c.contains("NOTIFY=NEVER"));
        Thread.sleep(300);
        assertThat(q.inbox("alice@example.com")).isEmpty();
    }

    @Test
    void bounceOfTheNullSenderIsNeverBounced() throws Exception {
        start(new ScriptedSmtpServer.Script() {
            @Override
            public String rcpt(String address, int attempt) {
                return "550 5.1.1 no";
            }
        });
        long id = q.send("a bounce", ReversePath.NULL, MailParameters.NONE,
                List.of(new OutboundQueue.Target("bob@remote.test", RcptParameters.NONE))).get(0);
        await().atMost(WAIT).until(() -> q.entry(id).state() == QueueState.BOUNCED);
        Thread.sleep(300);
        assertThat(q.inbox("alice@example.com")).isEmpty();
        assertThat(q.queueStore.list(100)).isEmpty();
    }

    /** A process that claimed entries and died (they stay ACTIVE) does not lose them: the next start sends them once. */
    @Test
    void entriesClaimedByACrashedProcessAreDeliveredAfterRestart() throws Exception {
        receiver = ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() { });
        List<Long> ids = new java.util.ArrayList<>();
        try (var crashed = dev.yubin.store.sql.SqliteStore.open(dir)) {
            var queue = new dev.yubin.store.sql.queue.SqliteQueueStore(crashed, java.time.Clock.systemUTC());
            for (int i = 0; i < 3; i++) {
                byte[] m = QueueFixture.message("crash " + i).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                dev.yubin.store.BlobId b;
                try (var w = crashed.blobs().create()) {
                    w.stream().write(m);
                    b = w.commit();
                }
                ids.add(queue.enqueue(new dev.yubin.store.queue.NewQueueEntry("C" + i, "remote.test", b, m.length,
                        "alice@example.com", Optional.empty(), Optional.empty(),
                        dev.yubin.store.queue.NewQueueEntry.Utf8.NOT_NEEDED, dev.yubin.store.queue.BodyType.UNSPECIFIED,
                        List.of(dev.yubin.store.queue.QueueRecipient.pending(0, "bob@remote.test", Optional.empty(),
                                Set.of())), java.time.Instant.now())));
            }
            assertThat(queue.claimDue(java.time.Instant.now().plusSeconds(1), Duration.ofHours(1), 10)).hasSize(3);
        }
        q = new QueueFixture(dir, dns, QueueFixture.settings(receiver.port()));
        await().atMost(WAIT).until(() -> ids.stream().allMatch(id -> q.entry(id).state() == QueueState.DONE));
        assertThat(receiver.received()).hasSize(3);
    }
}
