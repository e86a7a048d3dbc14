package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.testkit.smtp.SmtpTestClient;
import org.junit.jupiter.api.Test;

class StartTlsCommandTest extends ServerTestBase {
    @Test
    void parse() throws Exception {
        assertThat(new StartTlsCommand().parse("")).isNotNull();
        assertThatThrownBy(() -> new StartTlsCommand().parse("x")).isInstanceOf(SmtpSyntaxException.class);
    }

    @Test
    void conversation() throws Exception {
        try (SmtpTestClient c = greeted()) {
            // not advertised and not available until TLS is wired (issue 5)
            assertThat(c.command("EHLO x").lines()).doesNotContain("STARTTLS");
            assertThat(reply(c.command("STARTTLS"))).startsWith("454 4.7.0");
            assertThat(reply(c.command("STARTTLS now"))).startsWith("501 5.5.4");
        }
    }
}
