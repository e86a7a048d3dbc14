package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.testkit.smtp.SmtpTestClient;
import org.junit.jupiter.api.Test;

class EhloCommandTest extends ServerTestBase {
    @Test
    void parse() throws Exception {
        assertThat(new EhloCommand().parse("client.example").clientName()).isEqualTo("client.example");
        assertThat(new EhloCommand().parse("[192.0.2.1] (comment)").clientName()).isEqualTo("[192.0.2.1]");
        assertThatThrownBy(() -> new EhloCommand().parse("  ")).isInstanceOf(SmtpSyntaxException.class);
        assertThatThrownBy(() -> new EhloCommand().parse("a\u0001b")).isInstanceOf(SmtpSyntaxException.class);
    }

    @Test
    void advertisesTheExtensionsWithoutEnhancedCodes() throws Exception {
        try (SmtpTestClient c = fx.client()) {
            assertThat(c.readReply().text()).startsWith("mx.example.com ESMTP");
            SmtpTestClient.Reply r = c.command("EHLO client.example");
            assertThat(r.code()).isEqualTo(250);
            assertThat(r.lines()).containsExactly("mx.example.com", "PIPELINING", "SIZE 10240000",
                    "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING");
        }
    }

    @Test
    void resetsTheTransaction() throws Exception {
        try (SmtpTestClient c = greeted()) {
            assertThat(c.command("MAIL FROM:<a@remote.example>").code()).isEqualTo(250);
            assertThat(c.command("EHLO again.example").code()).isEqualTo(250);
            assertThat(reply(c.command("RCPT TO:<alice@example.com>"))).startsWith("503 5.5.1");
        }
    }
}
