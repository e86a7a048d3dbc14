package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.testkit.smtp.SmtpTestClient;
import org.junit.jupiter.api.Test;

class HeloCommandTest extends ServerTestBase {
    @Test
    void greetsWithoutExtensionsAndReceivedSaysSmtp() throws Exception {
        try (SmtpTestClient c = fx.client()) {
            c.readReply();
            SmtpTestClient.Reply r = c.command("HELO old.example");
            assertThat(r.lines()).containsExactly("mx.example.com");
            assertThat(c.command("MAIL FROM:<a@remote.example>").code()).isEqualTo(250);
            assertThat(c.command("RCPT TO:<carol@example.org>").code()).isEqualTo(250);
            assertThat(c.data("Subject: helo\r\n\r\nx\r\n").code()).isEqualTo(250);
        }
        String text = fx.text(fx.inbox("carol@example.org").get(0));
        assertThat(text).contains("Received: from old.example (unknown [127.0.0.1])").contains(" with SMTP id ");
    }

    @Test
    void missingNameIsASyntaxError() throws Exception {
        try (SmtpTestClient c = fx.client()) {
            c.readReply();
            assertThat(reply(c.command("HELO"))).startsWith("501 5.5.4");
        }
    }
}
