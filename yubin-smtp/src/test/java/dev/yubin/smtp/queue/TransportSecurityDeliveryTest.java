package dev.yubin.smtp.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.yubin.auth.mtasts.HttpsMtaStsFetcher;
import dev.yubin.auth.mtasts.MtaStsCache;
import dev.yubin.auth.mtasts.MtaStsPolicyStore;
import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.smtp.client.ScriptedSmtpServer;
import dev.yubin.smtp.server.MailParameters;
import dev.yubin.smtp.server.RcptParameters;
import dev.yubin.smtp.server.ReversePath;
import dev.yubin.store.BlobStore;
import dev.yubin.store.queue.QueueEntry;
import dev.yubin.store.queue.QueueState;
import dev.yubin.store.sql.SqliteStore;
import dev.yubin.store.sql.queue.SqliteQueueStore;
import dev.yubin.testkit.dns.LoopbackNames;
import dev.yubin.testkit.dns.TestDnsServer;
import dev.yubin.testkit.tls.TestHttpsServer;
import dev.yubin.testkit.tls.TestPki;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MTA-STS (RFC 8461) and DANE (RFC 7672) in the delivery client, over real sockets: the policy is
 * fetched over HTTPS from a loopback server (names {@code mta-sts.*.test} resolve to 127.0.0.1),
 * DNS comes from the in-process DNS server (with the AD bit for names marked secure), and the
 * receiver is a scripted SMTP server with STARTTLS and a chosen certificate.
 */
class TransportSecurityDeliveryTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PATH = "/.well-known/mta-sts.txt";
    private static final TestPki PKI = TestPki.create("Yubin Test CA");

    @TempDir
    Path dir;
    TestDnsServer dns;
    TestHttpsServer policies;
    ScriptedSmtpServer receiver;
    SqliteStore store;
    SqliteQueueStore queueStore;
    OutboundQueue queue;

    @BeforeEach
    void up() throws Exception {
        dns = TestDnsServer.start();
        LoopbackNames.add("mta-sts.sts.test");
        LoopbackNames.add("mta-sts.dane.test");
        policies = TestHttpsServer.start(PKI.issue("mta-sts.sts.test", "mta-sts.dane.test").serverContext());
    }

    @AfterEach
    void down() throws Exception {
        if (queue != null) {
            queue.close();
            store.close();
        }
        if (receiver != null) {
            receiver.close();
        }
        policies.close();
        dns.close();
    }

    private void policy(String domain, String mode, String... mx) {
        StringBuilder p = new StringBuilder("version: STSv1\r\nmode: " + mode + "\r\n");
        for (String m : mx) {
            p.append("mx: ").append(m).append("\r\n");
        }
        p.append("max_age: 86400\r\n");
        policies.serve("mta-sts." + domain, PATH, TestHttpsServer.Response.text(p.toString()));
        dns.txt("_mta-sts." + domain, "v=STSv1; id=" + mode + mx.length);
    }

    private void start(SSLContext receiverTls) throws Exception {
        receiver = receiverTls == null ? ScriptedSmtpServer.start(new ScriptedSmtpServer.Script() { })
                : ScriptedSmtpServer.startWithTls(new ScriptedSmtpServer.Script() { }, receiverTls);
        store = SqliteStore.open(dir);
        store.addDomain(Domain.parse("example.com"));
        queueStore = new SqliteQueueStore(store, Clock.systemUTC());
        MtaStsCache cache = new MtaStsCache(dns.resolver(),
                new HttpsMtaStsFetcher(PKI.clientContext(), Duration.ofSeconds(5), policies.port()),
                MtaStsPolicyStore.memory(), Clock.systemUTC());
        TransportSecurity security = new TransportSecurity(dns.resolver(), Optional.of(cache),
                TransportSecurity.Dane.ON, PKI.trustManager(), Clock.systemUTC());
        queue = new OutboundQueue(QueueFixture.settings(receiver.port()), queueStore, dns.resolver(), store, store,
                store.blobs(), new MessageIndexer(MessageLimits.defaults()), Clock.systemUTC(), DkimSigners.NONE,
                security);
        queue.start();
    }

    private long send(String to) throws Exception {
        String m = QueueFixture.message("transport security");
        byte[] bytes = m.getBytes(StandardCharsets.UTF_8);
        var blob = store.blobs().create();
        try (BlobStore.Writer w = blob) {
            w.stream().write(bytes);
            return queue.submit(null, w.commit(), bytes.length, ReversePath.of(EmailAddress.parse("alice@example.com")),
                    MailParameters.NONE, List.of(new OutboundQueue.Target(to, RcptParameters.NONE))).get(0);
        }
    }

    private QueueEntry entry(long id) {
        return queueStore.entry(id).orElseThrow();
    }

    private void awaitDelivered(long id) {
        await().atMost(WAIT).until(() -> entry(id).state() == QueueState.DONE);
        assertThat(receiver.received()).hasSize(1);
    }

    private void awaitDeferred(long id, String problem) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(entry(id).attempts()).as(entry(id).toString())
                .isGreaterThanOrEqualTo(2));
        await().atMost(WAIT).untilAsserted(() -> assertThat(entry(id).lastError()).contains(problem));
        assertThat(entry(id).state()).isIn(QueueState.DEFERRED, QueueState.ACTIVE);
        assertThat(receiver.received()).isEmpty();
    }

    private static byte[] spkiSha256(TestPki.Issued cert) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(cert.leaf().getPublicKey().getEncoded());
    }

    @Test
    void enforceWithAListedMxDeliversOverVerifiedTls() throws Exception {
        dns.mx("sts.test", 10, "mx.sts.test").a("mx.sts.test", "127.0.0.1");
        policy("sts.test", "enforce", "mx.sts.test");
        start(PKI.issue("mx.sts.test").serverContext());
        awaitDelivered(send("bob@sts.test"));
        assertThat(receiver.tlsSessions()).isEqualTo(1);
    }

    @Test
    void enforceNeverUsesAnMxOutsideThePolicy() throws Exception {
        // the preferred MX is not in the policy: it is skipped, the listed one (same receiver) is used
        dns.mx("sts.test", 10, "rogue.sts.test").a("rogue.sts.test", "127.0.0.1")
                .mx("sts.test", 20, "mx.sts.test").a("mx.sts.test", "127.0.0.1");
        policy("sts.test", "enforce", "mx.sts.test");
        start(PKI.issue("mx.sts.test", "rogue.sts.test").serverContext());
        awaitDelivered(send("bob@sts.test"));
        assertThat(receiver.connections()).isEqualTo(1);
    }

    @Test
    void enforceWithOnlyUnlistedMxDefers() throws Exception {
        dns.mx("sts.test", 10, "rogue.sts.test").a("rogue.sts.test", "127.0.0.1");
        policy("sts.test", "enforce", "mx.sts.test");
        start(PKI.issue("rogue.sts.test").serverContext());
        awaitDeferred(send("bob@sts.test"), "not in the MTA-STS policy");
        assertThat(receiver.connections()).isZero();
    }

    @Test
    void enforceWithoutStarttlsDefersAndNeverSendsPlaintext() throws Exception {
        dns.mx("sts.test", 10, "mx.sts.test").a("mx.sts.test", "127.0.0.1");
        policy("sts.test", "enforce", "mx.sts.test");
        start(null);
        awaitDeferred(send("bob@sts.test"), "STARTTLS");
        assertThat(receiver.commands()).noneMatch(c -> c.startsWith("MAIL"));
    }

    @Test
    void enforceWithACertificateForAnotherNameDefers() throws Exception {
        dns.mx("sts.test", 10, "mx.sts.test").a("mx.sts.test", "127.0.0.1");
        policy("sts.test", "enforce", "mx.sts.test");
        start(PKI.issue("other.example.test").serverContext());
        awaitDeferred(send("bob@sts.test"), "MTA-STS");
        assertThat(receiver.commands()).noneMatch(c -> c.startsWith("MAIL"));
    }

    @Test
    void testingModeDeliversAnyway() throws Exception {
        dns.mx("sts.test", 10, "mx.sts.test").a("mx.sts.test", "127.0.0.1");
        policy("sts.test", "testing", "elsewhere.sts.test");
        start(null); // no STARTTLS and an unlisted MX: only logged
        awaitDelivered(send("bob@sts.test"));
    }

    @Test
    void testingModeDeliversDespiteAFailedCertificateCheck() throws Exception {
        dns.mx("sts.test", 10, "mx.sts.test").a("mx.sts.test", "127.0.0.1");
        policy("sts.test", "testing", "mx.sts.test");
        start(TestPki.selfSigned("mx.sts.test").serverContext()); // fails PKIX: logged, then opportunistic
        awaitDelivered(send("bob@sts.test"));
        assertThat(receiver.connections()).isEqualTo(2);
    }

    @Test
    void daneEndEntityMatchDeliversOverTls() throws Exception {
        TestPki.Issued cert = TestPki.selfSigned("mx.dane.test"); // trusted by no CA: only DANE can accept it
        daneZone(spkiSha256(cert), true);
        start(cert.serverContext());
        awaitDelivered(send("bob@dane.test"));
        assertThat(receiver.tlsSessions()).isEqualTo(1);
    }

    @Test
    void daneMismatchDefers() throws Exception {
        TestPki.Issued cert = TestPki.selfSigned("mx.dane.test");
        daneZone(spkiSha256(TestPki.selfSigned("mx.dane.test")), true);
        start(cert.serverContext());
        awaitDeferred(send("bob@dane.test"), "DANE");
    }

    @Test
    void daneIsIgnoredWithoutTheAdBit() throws Exception {
        TestPki.Issued cert = TestPki.selfSigned("mx.dane.test");
        daneZone(spkiSha256(TestPki.selfSigned("mx.dane.test")), false); // mismatching TLSA, but not authenticated
        start(cert.serverContext());
        awaitDelivered(send("bob@dane.test"));
    }

    @Test
    void daneTakesPrecedenceOverMtaSts() throws Exception {
        TestPki.Issued cert = TestPki.selfSigned("mx.dane.test"); // fails PKIX: MTA-STS alone would defer
        daneZone(spkiSha256(cert), true);
        policy("dane.test", "enforce", "mx.dane.test");
        start(cert.serverContext());
        awaitDelivered(send("bob@dane.test"));
    }

    @Test
    void daneTrustAnchorWithTheMxNameDelivers() throws Exception {
        byte[] ca = MessageDigest.getInstance("SHA-256").digest(PKI.caCertificate().getPublicKey().getEncoded());
        dns.mx("dane.test", 10, "mx.dane.test").a("mx.dane.test", "127.0.0.1")
                .tlsa("_25._tcp.mx.dane.test", 2, 1, 1, ca)
                .secure("dane.test").secure("mx.dane.test").secure("_25._tcp.mx.dane.test");
        start(PKI.issue("mx.dane.test").serverContext());
        awaitDelivered(send("bob@dane.test"));
    }

    @Test
    void aFailedTlsaLookupDefers() throws Exception {
        dns.mx("dane.test", 10, "mx.dane.test").a("mx.dane.test", "127.0.0.1")
                .secure("dane.test").secure("mx.dane.test").servfail("_25._tcp.mx.dane.test");
        start(TestPki.selfSigned("mx.dane.test").serverContext());
        awaitDeferred(send("bob@dane.test"), "TLSA lookup");
        assertThat(receiver.connections()).isZero(); // RFC 7672 §2.2: never a downgrade to opportunistic
    }

    @Test
    void onlyUnusableTlsaRecordsStillRequireStarttls() throws Exception {
        dns.mx("dane.test", 10, "mx.dane.test").a("mx.dane.test", "127.0.0.1")
                .tlsa("_25._tcp.mx.dane.test", 1, 1, 1, new byte[32]) // PKIX-EE: unusable for SMTP
                .secure("dane.test").secure("mx.dane.test").secure("_25._tcp.mx.dane.test");
        start(null);
        awaitDeferred(send("bob@dane.test"), "STARTTLS");
    }

    private void daneZone(byte[] spkiHash, boolean secure) {
        dns.mx("dane.test", 10, "mx.dane.test").a("mx.dane.test", "127.0.0.1")
                .tlsa("_25._tcp.mx.dane.test", 3, 1, 1, spkiHash);
        if (secure) {
            dns.secure("dane.test").secure("mx.dane.test").secure("_25._tcp.mx.dane.test");
        }
    }
}
