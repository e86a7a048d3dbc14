package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.testkit.smtp.SmtpTestClient;
import org.junit.jupiter.api.Test;

class VrfyCommandTest extends ServerTestBase {
    @Test
    void parse() throws Exception {
        assertThat(new VrfyCommand().parse(" alice ").target()).isEqualTo("alice");
        assertThatThrownBy(() -> new VrfyCommand().parse("")).isInstanceOf(SmtpSyntaxException.class);
    }

    @Test
    void conversation() throws Exception {
        try (SmtpTestClient c = greeted()) {
            // the same answer for a user, an alias and nobody: no enumeration
            assertThat(reply(c.command("VRFY alice@example.com"))).startsWith("252 2.0.0");
            assertThat(reply(c.command("VRFY sales"))).startsWith("252 2.0.0");
            assertThat(reply(c.command("VRFY nobody@example.com"))).startsWith("252 2.0.0");
        }
    }
}
