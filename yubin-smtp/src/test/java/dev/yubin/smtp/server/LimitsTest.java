package dev.yubin.smtp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.testkit.smtp.SmtpTestClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each limit of {@link SmtpSettings} with tiny values, over real sockets. */
class LimitsTest {
    @TempDir
    Path dir;
    SmtpFixture fx;

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    SmtpFixture start(SmtpSettings.Builder b) throws Exception {
        fx = SmtpFixture.start(dir, b.hostname("mx.example.com").build(), List.of(), 100);
        return fx;
    }

    static SmtpTestClient.Reply mailTo(SmtpTestClient c, String rcpt) throws Exception {
        assertThat(c.command("MAIL FROM:<a@remote.example>").code()).isEqualTo(250);
        return c.command("RCPT TO:<" + rcpt + ">");
    }

    @Test
    void messageOverSizeLimitIs552AndNotStored() throws Exception {
        start(SmtpSettings.builder().maxMessageSize(1000));
        try (SmtpTestClient c = fx.greeted()) {
            assertThat(c.command("EHLO x").lines()).contains("SIZE 1000");
            assertThat(mailTo(c, "alice@example.com").code()).isEqualTo(250);
            SmtpTestClient.Reply r = c.data("Subject: big\r\n\r\n" + "0123456789\r\n".repeat(100));
            assertThat(r.code() + " " + r.text()).startsWith("552 5.3.4");
            // the session goes on
            assertThat(mailTo(c, "alice@example.com").code()).isEqualTo(250);
            assertThat(c.data("Subject: small\r\n\r\nok\r\n").code()).isEqualTo(250);
        }
        assertThat(fx.inbox("alice@example.com")).hasSize(1);
    }

    @Test
    void textLineOver998IsRefused() throws Exception {
        start(SmtpSettings.builder());
        try (SmtpTestClient c = fx.greeted()) {
            mailTo(c, "alice@example.com");
            SmtpTestClient.Reply r = c.data("Subject: long\r\n\r\n" + "x".repeat(999) + "\r\n");
            assertThat(r.code() + " " + r.text()).startsWith("554 5.6.0");
            mailTo(c, "alice@example.com");
            assertThat(c.data("Subject: ok\r\n\r\n" + "x".repeat(998) + "\r\n").code()).isEqualTo(250);
        }
        assertThat(fx.inbox("alice@example.com")).hasSize(1);
    }

    @Test
    void tooManyReceivedHopsIsAMailLoop() throws Exception {
        start(SmtpSettings.builder().maxReceivedHops(3));
        try (SmtpTestClient c = fx.greeted()) {
            mailTo(c, "alice@example.com");
            String hops = "Received: from a by b; Wed, 25 Nov 2026 10:00:00 +0000\r\n";
            assertThat(c.data(hops.repeat(3) + "Subject: 3 hops\r\n\r\nok\r\n").code()).isEqualTo(250);
            mailTo(c, "alice@example.com");
            SmtpTestClient.Reply r = c.data(hops.repeat(4) + "Subject: 4 hops\r\n\r\nloop\r\n");
            assertThat(r.code() + " " + r.text()).startsWith("554 5.4.0");
        }
        assertThat(fx.inbox("alice@example.com")).hasSize(1);
    }

    @Test
    void defaultHopLimitIs50() throws Exception {
        start(SmtpSettings.builder());
        assertThat(SmtpSettings.defaults().maxReceivedHops()).isEqualTo(50);
        try (SmtpTestClient c = fx.greeted()) {
            mailTo(c, "alice@example.com");
            SmtpTestClient.Reply r = c.data("Received: from a by b; Wed, 25 Nov 2026 10:00:00 +0000\r\n".repeat(51) + "\r\nx\r\n");
            assertThat(r.code()).isEqualTo(554);
        }
    }

    @Test
    void mimeNestingPastTheLimitIsRefused() throws Exception {
        start(SmtpSettings.builder().maxMimeDepth(100));
        StringBuilder deep = new StringBuilder("Subject: deep\r\n");
        int levels = 102;
        for (int i = 0; i < levels; i++) {
            deep.append("Content-Type: multipart/mixed; boundary=\"b").append(i).append("\"\r\n\r\n--b").append(i).append("\r\n");
        }
        deep.append("Content-Type: text/plain\r\n\r\ninner\r\n");
        for (int i = levels - 1; i >= 0; i--) {
            deep.append("--b").append(i).append("--\r\n");
        }
        try (SmtpTestClient c = fx.greeted()) {
            mailTo(c, "alice@example.com");
            SmtpTestClient.Reply r = c.data(deep.toString());
            assertThat(r.code() + " " + r.text()).startsWith("554 5.4.0");
        }
        assertThat(fx.inbox("alice@example.com")).isEmpty();
    }

    @Test
    void errorLimitSays421AndCloses() throws Exception {
        start(SmtpSettings.builder().maxErrors(3));
        try (SmtpTestClient c = fx.greeted()) {
            assertThat(c.command("BOGUS").code()).isEqualTo(500);
            assertThat(c.command("BOGUS").code()).isEqualTo(500);
            assertThat(c.command("BOGUS").code()).isEqualTo(500);
            SmtpTestClient.Reply r = c.readReply();
            assertThat(r.code() + " " + r.text()).startsWith("421 4.7.0 mx.example.com");
            assertThat(c.isClosedByServer()).isTrue();
        }
    }

    @Test
    void idleClientTimesOutWith421() throws Exception {
        start(SmtpSettings.builder().commandTimeout(Duration.ofMillis(300)));
        try (SmtpTestClient c = fx.greeted()) {
            long t0 = System.nanoTime();
            SmtpTestClient.Reply r = c.readReply();
            assertThat(r.code() + " " + r.text()).startsWith("421 4.4.2");
            assertThat(c.isClosedByServer()).isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void stalledDataTimesOut() throws Exception {
        start(SmtpSettings.builder().commandTimeout(Duration.ofMillis(400)));
        try (SmtpTestClient c = fx.greeted()) {
            mailTo(c, "alice@example.com");
            assertThat(c.command("DATA").code()).isEqualTo(354);
            c.sendRaw("Subject: stalled\r\n\r\nhalf a mess");
            SmtpTestClient.Reply r = c.readReply();
            assertThat(r.code() + " " + r.text()).startsWith("421 4.4.2");
            assertThat(c.isClosedByServer()).isTrue();
        }
        assertThat(fx.inbox("alice@example.com")).isEmpty();
    }

    @Test
    void slowDripDataHitsTheTotalDataTimeLimit() throws Exception {
        start(SmtpSettings.builder().commandTimeout(Duration.ofSeconds(5)).dataTimeLimit(Duration.ofMillis(700)));
        try (SmtpTestClient c = fx.greeted()) {
            mailTo(c, "alice@example.com");
            assertThat(c.command("DATA").code()).isEqualTo(354);
            long t0 = System.nanoTime();
            boolean timedOut = false;
            for (int i = 0; i < 40 && !timedOut; i++) {
                try {
                    c.sendRaw("x");
                } catch (java.io.IOException closed) {
                    timedOut = true;
                    break;
                }
                Thread.sleep(100);
                timedOut = Duration.ofNanos(System.nanoTime() - t0).toMillis() > 2000;
            }
            SmtpTestClient.Reply r = c.readReply();
            assertThat(r.code() + " " + r.text()).startsWith("421 4.4.2");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(4));
        }
    }

    @Test
    void tooManyConnectionsFromOneAddress() throws Exception {
        fx = SmtpFixture.start(dir, SmtpSettings.builder().hostname("mx.example.com").build(), List.of(), 2);
        try (SmtpTestClient a = fx.client(); SmtpTestClient b = fx.client()) {
            assertThat(a.readReply().code()).isEqualTo(220);
            assertThat(b.readReply().code()).isEqualTo(220);
            try (SmtpTestClient c = fx.client()) {
                SmtpTestClient.Reply r = c.readReply();
                assertThat(r.code() + " " + r.text()).startsWith("421 4.7.0 mx.example.com");
                assertThat(c.isClosedByServer()).isTrue();
            }
        }
        // once they are gone, new connections are welcome again
        Thread.sleep(200);
        try (SmtpTestClient d = fx.client()) {
            assertThat(d.readReply().code()).isEqualTo(220);
        }
    }

    @Test
    void bigMessageStreamsThroughTheBlobStore() throws Exception {
        start(SmtpSettings.builder().inMemoryMessageLimit(16 * 1024));
        StringBuilder body = new StringBuilder("Subject: big\r\n\r\n");
        for (int i = 0; i < 5000; i++) {
            body.append("line ").append(i).append(" of a big message\r\n");
        }
        try (SmtpTestClient c = fx.greeted()) {
            mailTo(c, "alice@example.com");
            assertThat(c.data(body.toString()).code()).isEqualTo(250);
        }
        String stored = fx.text(fx.inbox("alice@example.com").get(0));
        assertThat(stored).startsWith("Return-Path: <a@remote.example>\r\nReceived: ").endsWith(body.toString());
    }
}
