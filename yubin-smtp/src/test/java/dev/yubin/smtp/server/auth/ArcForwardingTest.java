package dev.yubin.smtp.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.yubin.auth.AuthSettings;
import dev.yubin.auth.MessageAuthenticator;
import dev.yubin.auth.RawMessage;
import dev.yubin.auth.arc.ArcResult;
import dev.yubin.auth.arc.ArcVerifier;
import dev.yubin.auth.dkim.DkimKeys;
import dev.yubin.auth.dkim.DkimSigner;
import dev.yubin.auth.dkim.DkimSigningKey;
import dev.yubin.core.Domain;
import dev.yubin.core.EmailAddress;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.smtp.client.ClientSettings;
import dev.yubin.smtp.queue.OutboundQueue;
import dev.yubin.smtp.queue.OutboundSettings;
import dev.yubin.smtp.server.SmtpServer;
import dev.yubin.smtp.server.SmtpSettings;
import dev.yubin.store.Alias;
import dev.yubin.store.Credentials;
import dev.yubin.store.Mailbox;
import dev.yubin.store.MessageRecord;
import dev.yubin.store.sql.SqliteStore;
import dev.yubin.store.sql.queue.SqliteQueueStore;
import dev.yubin.testkit.dns.TestDnsServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARC sealing of forwarded mail (RFC 8617 §5.1) between two Yubin instances: the sender (python3
 * smtplib, from 127.0.0.2) mails {@code list@fwd.test} on instance A, whose alias forwards to
 * {@code bob@b.test} on instance B (connecting from 127.0.0.1). A seals with fwd.test's key; B
 * validates the chain ({@code arc=pass}), and, trusting fwd.test as a sealer, accepts a message
 * whose SPF fails after the forwarding although its domain says {@code p=reject}. The stored
 * message's chain also verifies with python3-dkim's {@code arc_verify}.
 */
class ArcForwardingTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final Credentials NO_PASSWORD = new Credentials("$test$none", Optional.empty());

    @TempDir
    Path dirA;
    @TempDir
    Path dirB;
    @TempDir
    Path work;

    TestDnsServer dns;
    SqliteStore a;
    SqliteStore b;
    Listener listenerA;
    Listener listenerB;
    OutboundQueue queue;
    DkimSigner originSigner;
    String fwdKeyRecord;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)), "python3 is needed to send from 127.0.0.2");
        MessageIndexer indexer = new MessageIndexer(MessageLimits.defaults());
        KeyPair origin = DkimKeys.generateEd25519();
        KeyPair fwd = DkimKeys.generateRsa2048();
        fwdKeyRecord = DkimKeys.dnsRecord(fwd.getPublic());
        originSigner = new DkimSigner(List.of(new DkimSigningKey("origin.test", "sel", origin.getPrivate())),
                Clock.systemUTC());
        DkimSigner fwdSigner = new DkimSigner(List.of(new DkimSigningKey("fwd.test", "arc", fwd.getPrivate())),
                Clock.systemUTC());
        dns = TestDnsServer.start();
        dns.txt("origin.test", "v=spf1 ip4:127.0.0.2 -all")
                .txt("_dmarc.origin.test", "v=DMARC1; p=reject")
                .txt("sel._domainkey.origin.test", DkimKeys.dnsRecord(origin.getPublic()))
                .txt("spfonly.test", "v=spf1 ip4:127.0.0.2 -all")
                .txt("_dmarc.spfonly.test", "v=DMARC1; p=reject")
                .txt("arc._domainkey.fwd.test", fwdKeyRecord)
                .mx("b.test", 10, "mx.b.test").a("mx.b.test", "127.0.0.1");

        b = SqliteStore.open(dirB);
        b.addDomain(Domain.parse("b.test"));
        b.addUser(EmailAddress.parse("bob@b.test"), NO_PASSWORD);
        AuthSettings bSettings = AuthSettings.defaults("mx.b.test").withTrustedArcSealers(Set.of("fwd.test"));
        SmtpServer serverB = new SmtpServer(SmtpSettings.builder().hostname("mx.b.test").build(), b, b, b.blobs(),
                indexer, List.of(new AuthenticationFilter(new MessageAuthenticator(dns.resolver(), bSettings,
                        Clock.systemUTC()), "mx.b.test")), Clock.systemUTC());
        listenerB = listen(serverB);

        a = SqliteStore.open(dirA);
        a.addDomain(Domain.parse("fwd.test"));
        a.addAlias(new Alias("list@fwd.test", List.of(EmailAddress.parse("bob@b.test"))));
        OutboundSettings out = OutboundSettings.defaults("mx.fwd.test").withPort(listenerB.port())
                .withRetry(Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofDays(5), Duration.ofHours(4))
                .withPollInterval(Duration.ofMillis(20))
                .withClient(ClientSettings.defaults("mx.fwd.test").withAllTimeouts(Duration.ofSeconds(5)));
        queue = new OutboundQueue(out, new SqliteQueueStore(a, Clock.systemUTC()), dns.resolver(), a, a, a.blobs(),
                indexer, Clock.systemUTC(), d -> d.equals("fwd.test") ? Optional.of(fwdSigner) : Optional.empty());
        queue.start();
        SmtpServer serverA = new SmtpServer(SmtpSettings.builder().hostname("mx.fwd.test").build(), a, a, a.blobs(),
                indexer, List.of(new AuthenticationFilter(new MessageAuthenticator(dns.resolver(), "mx.fwd.test"),
                        "mx.fwd.test")), Clock.systemUTC(), queue);
        listenerA = listen(serverA);
    }

    private static Listener listen(SmtpServer server) throws Exception {
        return new Listener(new ListenerSettings("smtp", new InetSocketAddress("127.0.0.1", 0),
                ListenerSettings.Tls.PLAIN, 100, 100, Duration.ofSeconds(30)), null, server.lineLimit(), server);
    }

    @AfterEach
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {listenerA, queue, listenerB, a, b, dns}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing what is left
            }
        }
    }

    @Test
    void dkimSignedMailFromRejectDomainArrivesWithAPassingChain() throws Exception {
        String message = originSigner.sign(message("origin.test", "signed").getBytes(StandardCharsets.UTF_8))
                + message("origin.test", "signed");
        sendFrom127002("news@origin.test", message);
        String stored = arrived();
        assertThat(stored).contains("ARC-Seal: i=1; a=rsa-sha256; d=fwd.test; s=arc")
                .containsPattern("ARC-Authentication-Results: i=1; mx\\.fwd\\.test;[\\s\\S]*spf=pass")
                .containsPattern("Authentication-Results: mx\\.b\\.test;[\\s\\S]*dkim=pass[\\s\\S]*dmarc=pass"
                        + "[\\s\\S]*arc=pass \\(i=1 d=fwd\\.test\\)")
                .doesNotContain("Return-Path: <news@origin.test>\r\nARC-Seal"); // no Return-Path sent on relay
        assertThat(chainOf(stored).status()).isEqualTo(ArcResult.Status.PASS);
        assertPythonArcPass(stored);
    }

    @Test
    void spfOnlyMailThatFailsSpfAfterForwardingIsAcceptedOnTheTrustedSeal() throws Exception {
        sendFrom127002("news@spfonly.test", message("spfonly.test", "spf only"));
        String stored = arrived();
        String ours = stored.substring(stored.indexOf("Authentication-Results: mx.b.test"));
        assertThat(ours).containsPattern("^Authentication-Results: mx\\.b\\.test;\\s*spf=fail[\\s\\S]*dmarc=fail"
                + "[\\s\\S]*arc=pass");
        assertThat(stored).containsPattern("ARC-Authentication-Results: i=1; mx\\.fwd\\.test;\\s*spf=pass"
                + "[\\s\\S]*dmarc=pass");
        assertThat(chainOf(stored).status()).isEqualTo(ArcResult.Status.PASS);
        assertPythonArcPass(stored);
    }

    private static String message(String domain, String subject) {
        return "From: News <news@" + domain + ">\r\nTo: list@fwd.test\r\nSubject: " + subject + "\r\n"
                + "Date: Wed, 25 Nov 2026 10:00:00 +0000\r\nMessage-ID: <" + subject.replace(' ', '.') + "@" + domain
                + ">\r\n\r\nHello list.\r\n";
    }

    private void sendFrom127002(String from, String message) throws Exception {
        Path file = work.resolve("m.eml");
        Files.writeString(file, message, StandardCharsets.UTF_8);
        String script = "import smtplib,sys\n"
                + "s=smtplib.SMTP('127.0.0.1'," + listenerA.port() + ",source_address=('127.0.0.2',0),timeout=20)\n"
                + "s.ehlo('client.origin.test')\n"
                + "s.sendmail('" + from + "',['list@fwd.test'],open(sys.argv[1],'rb').read())\n"
                + "s.quit()\n";
        Process p = new ProcessBuilder(PYTHON, "-c", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    private String arrived() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> inbox().size() == 1);
        try (InputStream in = b.blobs().open(inbox().get(0).blob())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private List<MessageRecord> inbox() {
        var u = b.user(EmailAddress.parse("bob@b.test")).orElseThrow();
        return b.messages(b.mailbox(u.id(), Mailbox.INBOX).orElseThrow().id());
    }

    private ArcResult chainOf(String stored) {
        return new ArcVerifier(dns.resolver()).verify(RawMessage.parse(stored.getBytes(StandardCharsets.UTF_8)));
    }

    /** python3-dkim's independent ARC validation, its DNS answered from a table (skipped without the module). */
    private void assertPythonArcPass(String stored) throws Exception {
        if (new ProcessBuilder(PYTHON, "-c", "import dkim").start().waitFor() != 0) {
            return;
        }
        Path file = work.resolve("stored.eml");
        Files.writeString(file, stored, StandardCharsets.UTF_8);
        String script = "import dkim,sys\n"
                + "txt={b'arc._domainkey.fwd.test.': b'" + fwdKeyRecord + "'}\n"
                + "def dnsfunc(name, timeout=5):\n"
                + "    return txt.get(name if name.endswith(b'.') else name + b'.')\n"
                + "cv,results,reason=dkim.arc_verify(open(sys.argv[1],'rb').read(),dnsfunc=dnsfunc)\n"
                + "print(cv.decode() if isinstance(cv,bytes) else cv, reason)\n";
        Process p = new ProcessBuilder(PYTHON, "-c", script, file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(out).as(out).startsWith("pass");
    }
}
