package dev.yubin.smtp.server.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.net.tls.TlsContexts;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** STARTTLS (RFC 3207) on the MX listener, over real sockets. */
class StartTlsTest {
    @TempDir
    Path dir;
    SubmissionFixture fx;
    SSLContext client;

    @BeforeEach
    void start() throws Exception {
        fx = SubmissionFixture.start(dir);
        client = TlsContexts.clientTrusting(fx.tls.defaultChain());
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void upgradeResetsTheSessionAndASecondStartTlsIsRefused() throws Exception {
        try (Wire w = Wire.connect(fx.mxListener.port())) {
            assertThat(w.read().code()).isEqualTo(220);
            Wire.Reply ehlo = w.command("EHLO client.example.net");
            assertThat(ehlo.lines()).contains("STARTTLS").noneMatch(l -> l.startsWith("AUTH"));
            assertThat(w.command("MAIL FROM:<x@remote.example>").code()).isEqualTo(250);
            assertThat(w.command("STARTTLS").code()).isEqualTo(220);
            SSLSocket s = w.startTls(client);
            assertThat(s.getSession().getProtocol()).isIn("TLSv1.2", "TLSv1.3");
            // RFC 3207 §4.2: EHLO and the transaction are forgotten
            assertThat(w.command("RCPT TO:<alice@example.com>").code()).isEqualTo(503);
            assertThat(w.command("MAIL FROM:<x@remote.example>").last()).contains("HELO/EHLO first");
            assertThat(w.command("EHLO client.example.net").lines()).doesNotContain("STARTTLS");
            Wire.Reply again = w.command("STARTTLS");
            assertThat(again.code()).isEqualTo(554);
            assertThat(again.last()).startsWith("5.5.1");
        }
    }

    @Test
    void plaintextPipelinedAfterStartTlsIsDiscarded() throws Exception { // CVE-2011-0411
        try (Wire w = Wire.connect(fx.mxListener.port())) {
            w.read();
            w.command("EHLO client.example.net");
            w.sendRaw("STARTTLS\r\nMAIL FROM:<injected@remote.example>\r\nRCPT TO:<alice@example.com>\r\n");
            assertThat(w.read().code()).isEqualTo(220);
            w.startTls(client);
            Wire.Reply ehlo = w.command("EHLO client.example.net");
            assertThat(ehlo.code()).isEqualTo(250);
            assertThat(ehlo.lines().get(0)).isEqualTo("mx.example.com"); // the EHLO reply, not a stale one
            assertThat(w.command("RCPT TO:<alice@example.com>").code()).isEqualTo(503); // MAIL never ran
            assertThat(w.command("NOOP").code()).isEqualTo(250);
        }
    }

    @Test
    void withoutTlsContextStartTlsIsNotOffered() throws Exception {
        try (var plain = dev.yubin.smtp.server.SmtpFixture.start(dir.resolve("plain"));
             Wire w = Wire.connect(plain.port())) {
            w.read();
            assertThat(w.command("EHLO client.example.net").lines()).doesNotContain("STARTTLS");
            assertThat(w.command("STARTTLS").code()).isEqualTo(454);
        }
    }

    @Test
    void pythonStartTlsOnTheMx() throws Exception {
        String script = """
                import smtplib, ssl, sys
                ctx = ssl.create_default_context(cafile=sys.argv[2])
                ctx.check_hostname = False
                with smtplib.SMTP('127.0.0.1', int(sys.argv[1]), timeout=10) as s:
                    s.starttls(context=ctx)
                    s.ehlo('python.example')
                    assert not s.has_extn('starttls')
                    s.sendmail('py@remote.example', ['alice@example.com'], 'Subject: tls\\r\\n\\r\\nsecret\\r\\n')
                print('OK')
                """;
        Path ca = PythonRun.writeCa(dir, fx.tls);
        String out = PythonRun.run(script, String.valueOf(fx.mxListener.port()), ca.toString());
        assertThat(out).contains("OK");
        String stored = fx.text(fx.inbox("alice@example.com").get(0));
        assertThat(stored).contains("with ESMTPS id ").contains("(using TLSv1.");
    }

    @Test
    void openSslRefusesTls11() throws Exception {
        if (!PythonRun.onPath("openssl")) {
            return;
        }
        Process p = new ProcessBuilder("openssl", "s_client", "-connect", "127.0.0.1:" + fx.mxListener.port(),
                "-starttls", "smtp", "-tls1_1").redirectErrorStream(true).start();
        p.getOutputStream().close();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isNotZero();
    }
}
