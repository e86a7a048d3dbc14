package dev.yubin.smtp.server.submission;

import dev.yubin.testkit.sasl.ScramClient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.core.EmailAddress;
import dev.yubin.net.auth.CleartextPolicy;
import dev.yubin.net.auth.LoginThrottleSettings;
import dev.yubin.net.tls.TlsContexts;
import dev.yubin.smtp.server.OutboundRouter;
import dev.yubin.store.Passwords;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Submission (RFC 6409) with AUTH (RFC 4954) over STARTTLS and implicit TLS, with real clients. */
class SubmissionTest {
    @TempDir
    Path dir;
    SubmissionFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    private SSLContext client() {
        return TlsContexts.clientTrusting(fx.tls.defaultChain());
    }

    static final String PYTHON = """
            import smtplib, ssl, sys
            port, ca, mode = int(sys.argv[1]), sys.argv[2], sys.argv[3]
            ctx = ssl.create_default_context(cafile=ca)
            ctx.check_hostname = False
            if mode == 'implicit':
                s = smtplib.SMTP_SSL('127.0.0.1', port, timeout=10, context=ctx)
                s.ehlo('python.example')
            else:
                s = smtplib.SMTP('127.0.0.1', port, timeout=10)
                s.starttls(context=ctx)
                s.ehlo('python.example')
            assert 'PLAIN' in s.esmtp_features['auth'] and 'SCRAM-SHA-256' in s.esmtp_features['auth']
            try:
                s.login('alice@example.com', 'wrong')
                raise SystemExit('bad password accepted')
            except smtplib.SMTPAuthenticationError as e:
                assert e.smtp_code == 535, e
            if mode == 'login':
                s.user, s.password = 'alice@example.com', 'secret'
                code, _ = s.auth('LOGIN', s.auth_login, initial_response_ok=False)
                assert code == 235, code
            else:
                s.login('alice@example.com', 'secret')
            try:
                s.sendmail('bob@example.com', ['bob@example.com'], 'Subject: spoof\\r\\n\\r\\nx\\r\\n')
                raise SystemExit('spoofed sender accepted')
            except smtplib.SMTPSenderRefused as e:
                assert e.smtp_code == 553 and b'5.7.1' in e.smtp_error, e
            s.sendmail('alice+news@example.com', ['bob@example.com', 'friend@remote.example'],
                       'From: alice@example.com\\r\\nSubject: hello ' + mode + '\\r\\n\\r\\nhi\\r\\n')
            s.quit()
            print('OK')
            """;

    private void python(String mode, int port) throws Exception {
        Path ca = PythonRun.writeCa(dir, fx.tls);
        assertThat(PythonRun.run(PYTHON, String.valueOf(port), ca.toString(), mode)).contains("OK");
    }

    @Test
    void pythonStartTlsPlain() throws Exception {
        fx = SubmissionFixture.start(dir);
        python("plain", fx.submissionListener.port());
        assertThat(fx.inbox("bob@example.com")).hasSize(1);
        String stored = fx.text(fx.inbox("bob@example.com").get(0));
        assertThat(stored).contains("with ESMTPSA id ").containsPattern("(?m)^Message-ID: <.+@smtp\\.example\\.com>")
                .containsPattern("(?m)^Date: ").contains("Subject: hello plain");
        assertThat(fx.routed).hasSize(1);
        OutboundRouter.OutboundMessage out = fx.routed.get(0);
        assertThat(out.recipients()).extracting(OutboundRouter.OutboundRecipient::address)
                .containsExactly(EmailAddress.parse("friend@remote.example"));
        assertThat(out.sender().toString()).isEqualTo("<alice+news@example.com>");
    }

    @Test
    void pythonStartTlsLoginAndImplicitTls() throws Exception {
        fx = SubmissionFixture.start(dir);
        python("login", fx.submissionListener.port());
        python("implicit", fx.submissionsListener.port());
        assertThat(fx.inbox("bob@example.com")).hasSize(2);
        assertThat(fx.routed).hasSize(2);
    }

    @Test
    void swaks() throws Exception {
        if (!PythonRun.onPath("swaks")) {
            return;
        }
        fx = SubmissionFixture.start(dir);
        String out = PythonRun.exec(List.of("swaks", "--server", "127.0.0.1", "--port",
                String.valueOf(fx.submissionListener.port()), "--tls", "--auth", "PLAIN", "--auth-user",
                "alice@example.com", "--auth-password", "secret", "--from", "alice@example.com", "--to",
                "bob@example.com", "--helo", "swaks.example", "--h-Subject", "from swaks"), 60);
        assertThat(out).contains("235 2.7.0").contains("250 2.0.0 Ok: queued as");
        assertThat(fx.text(fx.inbox("bob@example.com").get(0))).contains("with ESMTPSA").contains("from swaks");
    }

    @Test
    void mailBeforeAuthAndSenderOwnership() throws Exception {
        fx = SubmissionFixture.start(dir);
        try (Wire w = Wire.connect(fx.submissionListener.port())) {
            w.read();
            w.command("EHLO client.example.net");
            Wire.Reply r = w.command("MAIL FROM:<alice@example.com>");
            assertThat(r.code()).isEqualTo(530);
            assertThat(r.last()).startsWith("5.7.0");
            String plain = Base64.getEncoder().encodeToString("\0alice@example.com\0secret".getBytes(StandardCharsets.UTF_8));
            assertThat(w.command("AUTH PLAIN " + plain).code()).isEqualTo(235);
            assertThat(w.command("AUTH PLAIN " + plain).code()).isEqualTo(503);
            for (String foreign : List.of("bob@example.com", "sales@example.com", "alice@remote.example",
                    "nobody@example.com")) {
                Wire.Reply refused = w.command("MAIL FROM:<" + foreign + ">");
                assertThat(refused.code()).as(foreign).isEqualTo(553);
                assertThat(refused.last()).startsWith("5.7.1");
            }
            for (String own : List.of("alice@example.com", "ALICE+tag@example.com", "ali@example.com", "")) {
                assertThat(w.command("MAIL FROM:<" + own + ">").code()).as(own).isEqualTo(250);
                w.command("RSET");
            }
        }
    }

    @Test
    void authNeedsTlsWhenThePolicySaysSo() throws Exception {
        fx = SubmissionFixture.start(dir, CleartextPolicy.NEVER, LoginThrottleSettings.NONE);
        try (Wire w = Wire.connect(fx.submissionListener.port())) {
            w.read();
            assertThat(w.command("EHLO client.example.net").lines()).contains("STARTTLS")
                    .noneMatch(l -> l.startsWith("AUTH"));
            assertThat(w.command("AUTH PLAIN AGFAYg==").code()).isEqualTo(538);
            assertThat(w.command("STARTTLS").code()).isEqualTo(220);
            w.startTls(client());
            assertThat(w.command("EHLO client.example.net").lines())
                    .contains("AUTH SCRAM-SHA-256 PLAIN LOGIN").doesNotContain("STARTTLS");
            String plain = Base64.getEncoder().encodeToString("\0alice@example.com\0secret".getBytes(StandardCharsets.UTF_8));
            assertThat(w.command("AUTH PLAIN " + plain).code()).isEqualTo(235);
        }
    }

    @Test
    void scramSha256OverStartTls() throws Exception {
        fx = SubmissionFixture.start(dir, CleartextPolicy.NEVER, LoginThrottleSettings.NONE);
        try (Wire w = Wire.connect(fx.submissionListener.port())) {
            w.read();
            w.command("EHLO client.example.net");
            w.command("STARTTLS");
            w.startTls(client());
            w.command("EHLO client.example.net");
            ScramClient scram = new ScramClient("n,,", "alice@example.com", SubmissionFixture.PASSWORD,
                    "fyko+d2lbbFgONRv9qkxdawL");
            Wire.Reply first = w.command("AUTH SCRAM-SHA-256 " + Base64.getEncoder().encodeToString(scram.first()));
            assertThat(first.code()).isEqualTo(334);
            byte[] proof = scram.finalMessage(Base64.getDecoder().decode(first.last()));
            Wire.Reply last = w.command(Base64.getEncoder().encodeToString(proof));
            assertThat(last.code()).isEqualTo(334);
            assertThat(new String(Base64.getDecoder().decode(last.last()), StandardCharsets.UTF_8))
                    .isEqualTo(scram.expectedServerSignature());
            assertThat(w.command("").code()).isEqualTo(235);
            assertThat(w.command("MAIL FROM:<alice@example.com>").code()).isEqualTo(250);
            assertThat(w.command("RCPT TO:<someone@remote.example>").code()).isEqualTo(250);
        }
    }

    @Test
    void wrongPasswordsAreDelayedThenBanned() throws Exception {
        fx = SubmissionFixture.start(dir, CleartextPolicy.LOOPBACK_ONLY, new LoginThrottleSettings(
                Duration.ofMillis(50), Duration.ofMillis(200), 3, Duration.ofMinutes(5), Duration.ofMinutes(5), 100));
        String wrong = Base64.getEncoder().encodeToString("\0alice@example.com\0guess".getBytes(StandardCharsets.UTF_8));
        try (Wire w = Wire.connect(fx.submissionListener.port())) {
            w.read();
            w.command("EHLO client.example.net");
            assertThat(w.command("AUTH PLAIN " + wrong).code()).isEqualTo(535);
            long t0 = System.nanoTime();
            Wire.Reply second = w.command("AUTH PLAIN " + wrong);
            assertThat(second.code()).isEqualTo(535);
            assertThat(second.last()).startsWith("5.7.8");
            assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(Duration.ofMillis(50).toNanos());
            assertThat(w.command("AUTH PLAIN " + wrong).code()).isEqualTo(535);
            Wire.Reply ban = w.read();
            assertThat(ban.code()).isEqualTo(421);
            assertThat(ban.last()).contains("4.7.0");
            assertThat(w.closedByServer()).isTrue();
        }
        try (Wire w = Wire.connect(fx.submissionListener.port())) {
            assertThat(w.read().code()).isEqualTo(421); // the ban holds for new connections
        }
    }

    @Test
    void withoutRouterOutsideRecipientsAreDeferred() throws Exception {
        fx = new SubmissionFixture(dir, CleartextPolicy.LOOPBACK_ONLY, LoginThrottleSettings.NONE, Optional.empty());
        try (Wire w = Wire.connect(fx.submissionListener.port())) {
            w.read();
            w.command("EHLO client.example.net");
            w.command("AUTH PLAIN " + b64("\0bob@example.com\0secret"));
            w.command("MAIL FROM:<bob@example.com>");
            assertThat(w.command("RCPT TO:<someone@remote.example>").code()).isEqualTo(451);
            assertThat(w.command("RCPT TO:<alice@example.com>").code()).isEqualTo(250);
        }
    }

    @Test
    void theMxOffersNoAuthAndRelaysNothing() throws Exception {
        fx = SubmissionFixture.start(dir);
        try (Wire w = Wire.connect(fx.mxListener.port())) {
            w.read();
            assertThat(w.command("EHLO client.example.net").lines()).noneMatch(l -> l.startsWith("AUTH"));
            assertThat(w.command("AUTH PLAIN " + b64("\0alice@example.com\0secret")).code()).isEqualTo(503);
            assertThat(w.command("MAIL FROM:<alice@example.com>").code()).isEqualTo(250);
            Wire.Reply relay = w.command("RCPT TO:<someone@remote.example>");
            assertThat(relay.code()).isEqualTo(550);
            assertThat(relay.last()).startsWith("5.7.1");
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
