package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.testkit.smtp.SmtpTestClient;
import org.junit.jupiter.api.Test;

class RsetCommandTest extends ServerTestBase {
    @Test
    void parse() throws Exception {
        assertThat(new RsetCommand().parse("")).isNotNull();
        assertThatThrownBy(() -> new RsetCommand().parse("x")).isInstanceOf(SmtpSyntaxException.class);
    }

    @Test
    void conversation() throws Exception {
        try (SmtpTestClient c = greeted()) {
            assertThat(c.command("MAIL FROM:<a@remote.example>").code()).isEqualTo(250);
            assertThat(reply(c.command("RSET"))).startsWith("250 2.0.0");
            assertThat(reply(c.command("RCPT TO:<alice@example.com>"))).startsWith("503 5.5.1");
            assertThat(c.command("MAIL FROM:<a@remote.example>").code()).isEqualTo(250);
        }
    }
}
