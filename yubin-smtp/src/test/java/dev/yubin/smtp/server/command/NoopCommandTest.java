package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.testkit.smtp.SmtpTestClient;
import org.junit.jupiter.api.Test;

class NoopCommandTest extends ServerTestBase {
    @Test
    void parse() throws Exception {
        assertThat(new NoopCommand().parse("anything at all")).isNotNull();
    }

    @Test
    void conversation() throws Exception {
        try (SmtpTestClient c = greeted()) {
            assertThat(reply(c.command("NOOP"))).startsWith("250 2.0.0");
            assertThat(reply(c.command("noop some text"))).startsWith("250 2.0.0");
        }
    }
}
