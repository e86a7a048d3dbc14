package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.testkit.smtp.SmtpTestClient;
import org.junit.jupiter.api.Test;

class ExpnCommandTest extends ServerTestBase {
    @Test
    void parse() throws Exception {
        assertThat(new ExpnCommand().parse("list")).isNotNull();
    }

    @Test
    void conversation() throws Exception {
        try (SmtpTestClient c = greeted()) {
            assertThat(reply(c.command("EXPN sales@example.com"))).startsWith("502 5.5.1");
        }
    }
}
