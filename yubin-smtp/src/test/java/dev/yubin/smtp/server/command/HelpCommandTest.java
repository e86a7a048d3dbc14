package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.testkit.smtp.SmtpTestClient;
import org.junit.jupiter.api.Test;

class HelpCommandTest extends ServerTestBase {
    @Test
    void parse() throws Exception {
        assertThat(new HelpCommand().parse("MAIL")).isNotNull();
    }

    @Test
    void conversation() throws Exception {
        try (SmtpTestClient c = greeted()) {
            assertThat(reply(c.command("HELP"))).startsWith("214 2.0.0");
            assertThat(reply(c.command("HELP MAIL"))).startsWith("214 2.0.0");
        }
    }
}
