package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.testkit.smtp.SmtpTestClient;
import org.junit.jupiter.api.Test;

class QuitCommandTest extends ServerTestBase {
    @Test
    void parse() throws Exception {
        assertThat(new QuitCommand().parse(" ")).isNotNull();
        assertThatThrownBy(() -> new QuitCommand().parse("now")).isInstanceOf(SmtpSyntaxException.class);
    }

    @Test
    void conversation() throws Exception {
        try (SmtpTestClient c = greeted()) {
            assertThat(c.command("MAIL FROM:<a@remote.example>").code()).isEqualTo(250);
            assertThat(reply(c.command("QUIT"))).startsWith("221 2.0.0");
            assertThat(c.isClosedByServer()).isTrue();
        }
    }
}
