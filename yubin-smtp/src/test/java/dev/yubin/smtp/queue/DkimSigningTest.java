package dev.yubin.smtp.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.yubin.auth.RawMessage;
import dev.yubin.auth.dkim.DkimKeys;
import dev.yubin.auth.dkim.DkimResult;
import dev.yubin.auth.dkim.DkimSigner;
import dev.yubin.auth.dkim.DkimSigningKey;
import dev.yubin.auth.dkim.DkimVerifier;
import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.smtp.server.MailParameters;
import dev.yubin.smtp.server.RcptParameters;
import dev.yubin.smtp.server.ReversePath;
import dev.yubin.smtp.server.SmtpServer;
import dev.yubin.smtp.server.SmtpSettings;
import dev.yubin.store.BlobId;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.queue.QueueState;
import dev.yubin.store.sql.SqliteStore;
import dev.yubin.store.sql.queue.SqliteQueueStore;
import dev.yubin.testkit.dns.TestDnsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Outbound DKIM signing end to end: a message submitted to instance A's queue travels over SMTP
 * to instance B and arrives with an Ed25519 and an RSA signature that {@link DkimVerifier}
 * verifies against the keys published in the test DNS.
 */
class DkimSigningTest {
    @TempDir
    Path dirA;
    @TempDir
    Path dirB;

    @Test
    void submittedMailArrivesSignedAndVerifies() throws Exception {
        MessageIndexer indexer = new MessageIndexer(MessageLimits.defaults());
        KeyPair ed = DkimKeys.generateEd25519();
        KeyPair rsa = DkimKeys.generateRsa2048();
        DkimSigner signer = new DkimSigner(List.of(new DkimSigningKey("a.test", "y2026e", ed.getPrivate()),
                new DkimSigningKey("a.test", "y2026a", rsa.getPrivate())), Clock.systemUTC());
        DkimSigners signers = d -> d.equals("a.test") ? Optional.of(signer) : Optional.empty();
        try (TestDnsServer dns = TestDnsServer.start();
             SqliteStore b = SqliteStore.open(dirB);
             SqliteStore a = SqliteStore.open(dirA)) {
            b.addDomain(Domain.parse("b.test"));
            b.addUser(EmailAddress.parse("bob@b.test"), QueueFixture.NO_PASSWORD);
            a.addDomain(Domain.parse("a.test"));
            dns.mx("b.test", 10, "mx.b.test").a("mx.b.test", "127.0.0.1")
                    .txt("y2026e._domainkey.a.test", DkimKeys.dnsRecord(ed.getPublic()))
                    .txt("y2026a._domainkey.a.test", DkimKeys.dnsRecord(rsa.getPublic()));
            SmtpServer serverB = new SmtpServer(SmtpSettings.builder().hostname("mx.b.test").build(), b, b, b.blobs(),
                    indexer, List.of(), Clock.systemUTC());
            try (Listener listenerB = new Listener(new ListenerSettings("smtp", new InetSocketAddress("127.0.0.1", 0),
                    ListenerSettings.Tls.PLAIN, 100, 100, Duration.ofSeconds(30)), null, serverB.lineLimit(), serverB);
                 OutboundQueue queue = new OutboundQueue(QueueFixture.settings(listenerB.port()),
                         new SqliteQueueStore(a, Clock.systemUTC()), dns.resolver(), a, a, a.blobs(), indexer,
                         Clock.systemUTC(), signers)) {
                queue.start();
                String m = "From: Alice <alice@a.test>\r\nTo: bob@b.test\r\nSubject: signed\r\n"
                        + "Message-ID: <signed@a.test>\r\n\r\nHello Bob.\r\n";
                BlobId blob;
                try (var w = a.blobs().create()) {
                    w.stream().write(m.getBytes(StandardCharsets.UTF_8));
                    blob = w.commit();
                }
                List<Long> ids = queue.submit(null, blob, m.length(), ReversePath.of(EmailAddress.parse("alice@a.test")),
                        MailParameters.NONE, List.of(new OutboundQueue.Target("bob@b.test", RcptParameters.NONE)));
                assertThat(ids).hasSize(1);
                await().atMost(Duration.ofSeconds(20)).until(() -> inbox(b).size() == 1);
                byte[] got;
                try (InputStream in = b.blobs().open(inbox(b).get(0).blob())) {
                    got = in.readAllBytes();
                }
                String text = new String(got, StandardCharsets.UTF_8);
                assertThat(text).contains("DKIM-Signature: v=1; a=ed25519-sha256").contains("a=rsa-sha256")
                        .contains("Hello Bob.");
                List<DkimResult> results = new DkimVerifier(dns.resolver()).verify(RawMessage.parse(got));
                assertThat(results).hasSize(2).allSatisfy(r -> {
                    assertThat(r.status()).isEqualTo(DkimResult.Status.PASS);
                    assertThat(r.domain()).isEqualTo("a.test");
                });
                await().atMost(Duration.ofSeconds(5)).until(() -> queue.store().list(10).isEmpty());
                assertThat(queue.store().counts()).containsEntry(QueueState.DONE, 1L);
            }
        }
    }

    @Test
    void mailFromOtherDomainsIsNotSigned() throws Exception {
        try (SqliteStore a = SqliteStore.open(dirA)) {
            a.addDomain(Domain.parse("a.test"));
            KeyPair ed = DkimKeys.generateEd25519();
            DkimSigner signer = new DkimSigner(List.of(new DkimSigningKey("a.test", "s", ed.getPrivate())),
                    Clock.systemUTC());
            OutboundSigning signing = new OutboundSigning(d -> d.equals("a.test") ? Optional.of(signer)
                    : Optional.empty(), a.blobs());
            String m = "From: carol@elsewhere.test\r\nSubject: x\r\n\r\nbody\r\n";
            BlobId blob;
            try (var w = a.blobs().create()) {
                w.stream().write(m.getBytes(StandardCharsets.UTF_8));
                blob = w.commit();
            }
            assertThat(signing.sign("o1", blob, m.length()).blob()).isEqualTo(blob);
        }
    }

    @Test
    void aBrokenKeySourceLeavesTheMessageUnsignedInsteadOfFailing() throws Exception {
        try (SqliteStore a = SqliteStore.open(dirA)) {
            OutboundSigning signing = new OutboundSigning(d -> {
                throw new IllegalStateException("unreadable key");
            }, a.blobs());
            String m = "From: alice@a.test\r\nSubject: x\r\n\r\nbody\r\n";
            BlobId blob;
            try (var w = a.blobs().create()) {
                w.stream().write(m.getBytes(StandardCharsets.UTF_8));
                blob = w.commit();
            }
            assertThat(signing.sign("o2", blob, m.length())).isEqualTo(new OutboundSigning.Signed(blob, m.length()));
        }
    }

    private static List<MessageRecord> inbox(SqliteStore store) {
        var u = store.user(EmailAddress.parse("bob@b.test")).orElseThrow();
        return store.messages(store.mailbox(u.id(), Mailbox.INBOX).orElseThrow().id());
    }
}
