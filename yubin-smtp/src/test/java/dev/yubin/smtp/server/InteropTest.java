package dev.yubin.smtp.server;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real client libraries: python3 smtplib and Angus Mail (Jakarta Mail). */
class InteropTest {
    @TempDir
    Path dir;
    SmtpFixture fx;

    @BeforeEach
    void start() throws Exception {
        fx = SmtpFixture.start(dir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    static final String PYTHON = """
            import smtplib, sys
            from email.message import EmailMessage
            port = int(sys.argv[1])
            with smtplib.SMTP('127.0.0.1', port, timeout=10) as s:
                code, text = s.ehlo('python.example')
                assert code == 250, (code, text)
                assert s.has_extn('pipelining') and s.has_extn('8bitmime') and s.has_extn('smtputf8')
                assert s.has_extn('chunking') and s.has_extn('dsn') and int(s.esmtp_features['size']) > 0
                m = EmailMessage()
                m['From'] = 'py@remote.example'
                m['To'] = 'alice@example.com, bob@example.com'
                m['Subject'] = 'from python'
                m.set_content('Hello from smtplib\\n.leading dot\\n')
                refused = s.send_message(m, to_addrs=['alice@example.com', 'bob@example.com', 'nobody@example.com'])
                assert list(refused) == ['nobody@example.com'], refused
                m2 = EmailMessage()
                m2['From'] = 'jörg@bücher.example'
                m2['To'] = 'carol@example.org'
                m2['Subject'] = 'Grüße'
                m2.set_content('Unicode body: 郵便\\n')
                s.send_message(m2, mail_options=['SMTPUTF8'])
                try:
                    s.sendmail('py@remote.example', ['user@remote.example'], 'Subject: relay\\r\\n\\r\\nx\\r\\n')
                    raise SystemExit('relay accepted')
                except smtplib.SMTPRecipientsRefused as e:
                    assert e.recipients['user@remote.example'][0] == 550
                print('OK')
            """;

    @Test
    void pythonSmtplib() throws Exception {
        Process p = new ProcessBuilder("python3", "-c", PYTHON, String.valueOf(fx.port()))
                .redirectErrorStream(true).start();
        boolean done = p.waitFor(60, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("python finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("OK");
        assertThat(fx.inbox("alice@example.com")).hasSize(1);
        assertThat(fx.inbox("bob@example.com")).hasSize(1);
        assertThat(fx.text(fx.inbox("alice@example.com").get(0))).contains("\n.leading dot");
        assertThat(fx.text(fx.inbox("carol@example.org").get(0))).contains("郵便").contains(" with UTF8SMTP id ");
    }

    @Test
    void angusMail() throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", String.valueOf(fx.port()));
        props.put("mail.smtp.localhost", "angus.example");
        props.put("mail.smtp.connectiontimeout", "5000");
        props.put("mail.smtp.timeout", "10000");
        Session session = Session.getInstance(props);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("angus@remote.example"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress("sales@example.com"));
        m.setSubject("from Angus", "UTF-8");
        MimeMultipart mp = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello from Angus\n.\nstill the body\n", "UTF-8");
        MimeBodyPart att = new MimeBodyPart();
        att.setContent(new byte[20_000], "application/octet-stream");
        att.setFileName("zeros.bin");
        mp.addBodyPart(text);
        mp.addBodyPart(att);
        m.setContent(mp);
        Transport.send(m);
        try (Transport t = session.getTransport("smtp")) {
            t.connect();
            for (int i = 0; i < 3; i++) {
                MimeMessage more = new MimeMessage(session);
                more.setFrom(new InternetAddress("angus@remote.example"));
                more.setSubject("again " + i);
                more.setText("body " + i);
                t.sendMessage(more, new InternetAddress[] {new InternetAddress("carol@example.org")});
            }
        }
        assertThat(fx.inbox("alice@example.com")).hasSize(1);
        assertThat(fx.inbox("bob@example.com")).hasSize(1);
        assertThat(fx.inbox("carol@example.org")).hasSize(3);
        String stored = fx.text(fx.inbox("bob@example.com").get(0));
        assertThat(stored).contains("Subject: from Angus").contains("zeros.bin").contains("\r\n.\r\nstill the body");
    }
}
