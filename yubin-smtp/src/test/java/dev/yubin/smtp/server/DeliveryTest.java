package dev.yubin.smtp.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.store.MessageRecord;
import dev.yubin.testkit.smtp.SmtpTestClient;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The delivery path end to end: trace fields, shared blobs, aliases, plus-addressing, catch-all. */
class DeliveryTest {
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

    static final String MESSAGE = "From: x@remote.example\r\nTo: alice@example.com\r\nSubject: hi\r\n\r\nHello\r\n.dot line\r\n";

    @Test
    void deliversWithTraceFieldsAndUnstuffs() throws Exception {
        try (SmtpTestClient c = fx.greeted()) {
            SmtpTestClient.Reply r = c.send("x@remote.example", List.of("alice@example.com"), MESSAGE);
            assertThat(r.code()).isEqualTo(250);
            assertThat(r.text()).startsWith("2.0.0 Ok: queued as ");
            String id = r.text().substring("2.0.0 Ok: queued as ".length());
            List<MessageRecord> inbox = fx.inbox("alice@example.com");
            assertThat(inbox).hasSize(1);
            String text = fx.text(inbox.get(0));
            assertThat(text).startsWith("Return-Path: <x@remote.example>\r\nReceived: from client.example.net (unknown [127.0.0.1])\r\n");
            assertThat(text).contains("\tby mx.example.com (Yubin) with ESMTP id " + id + "\r\n\tfor <alice@example.com>;");
            assertThat(text).endsWith("\r\n\r\nHello\r\n.dot line\r\n");
            assertThat(inbox.get(0).size()).isEqualTo(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void severalRecipientsShareOneBlobAndNoForClause() throws Exception {
        try (SmtpTestClient c = fx.greeted()) {
            SmtpTestClient.Reply r = c.send("", List.of("alice@example.com", "bob@example.com", "carol@example.org"), MESSAGE);
            assertThat(r.code()).isEqualTo(250);
        }
        MessageRecord a = fx.inbox("alice@example.com").get(0);
        MessageRecord b = fx.inbox("bob@example.com").get(0);
        MessageRecord c = fx.inbox("carol@example.org").get(0);
        assertThat(a.blob()).isEqualTo(b.blob()).isEqualTo(c.blob());
        String text = fx.text(a);
        assertThat(text).startsWith("Return-Path: <>\r\n").doesNotContain("\tfor <");
    }

    @Test
    void aliasPlusAddressingCatchAllAndPostmasterResolve() throws Exception {
        try (SmtpTestClient c = fx.greeted()) {
            assertThat(c.send("x@remote.example", List.of("sales@example.com"), MESSAGE).code()).isEqualTo(250);
            assertThat(c.send("x@remote.example", List.of("alice+news@example.com"), MESSAGE).code()).isEqualTo(250);
            assertThat(c.send("x@remote.example", List.of("anything@catchall.example"), MESSAGE).code()).isEqualTo(250);
            assertThat(c.send("x@remote.example", List.of("PostMaster@example.org"), MESSAGE).code()).isEqualTo(250);
            assertThat(c.command("MAIL FROM:<x@remote.example>").code()).isEqualTo(250);
            assertThat(c.command("RCPT TO:<Postmaster>").code()).isEqualTo(250);
            assertThat(c.data(MESSAGE).code()).isEqualTo(250);
        }
        assertThat(fx.inbox("alice@example.com")).hasSizeGreaterThanOrEqualTo(3);
        assertThat(fx.inbox("bob@example.com")).hasSizeGreaterThanOrEqualTo(1);
        int total = fx.inbox("alice@example.com").size() + fx.inbox("bob@example.com").size()
                + fx.inbox("carol@example.org").size() + fx.inbox("full@example.com").size();
        assertThat(total).isEqualTo(6);
    }

    @Test
    void sameUserTwiceGetsOneCopy() throws Exception {
        try (SmtpTestClient c = fx.greeted()) {
            assertThat(c.send("x@remote.example", List.of("alice@example.com", "ALICE@example.com", "sales@example.com"),
                    MESSAGE).code()).isEqualTo(250);
        }
        assertThat(fx.inbox("alice@example.com")).hasSize(1);
        assertThat(fx.inbox("bob@example.com")).hasSize(1);
    }

    @Test
    void severalMessagesOnOneConnection() throws Exception {
        try (SmtpTestClient c = fx.greeted()) {
            for (int i = 0; i < 5; i++) {
                assertThat(c.send("x@remote.example", List.of("bob@example.com"), MESSAGE).code()).isEqualTo(250);
            }
            assertThat(c.command("QUIT").code()).isEqualTo(221);
        }
        assertThat(fx.inbox("bob@example.com")).hasSize(5);
    }
}
