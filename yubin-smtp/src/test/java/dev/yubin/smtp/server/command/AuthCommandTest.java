package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.testkit.smtp.SmtpTestClient;
import org.junit.jupiter.api.Test;

class AuthCommandTest extends ServerTestBase {
    @Test
    void parse() throws Exception {
        assertThat(new AuthCommand().parse("plain AGFAYg==")).isEqualTo(new AuthCommand.Args("PLAIN", java.util.Optional.of("AGFAYg==")));
        assertThat(new AuthCommand().parse("LOGIN")).isEqualTo(new AuthCommand.Args("LOGIN", java.util.Optional.empty()));
        assertThatThrownBy(() -> new AuthCommand().parse("")).isInstanceOf(SmtpSyntaxException.class);
    }

    @Test
    void conversation() throws Exception {
        try (SmtpTestClient c = greeted()) {
            assertThat(c.command("EHLO x").lines()).noneMatch(l -> l.startsWith("AUTH"));
            assertThat(reply(c.command("AUTH PLAIN AGFAYg=="))).startsWith("503 5.5.1");
        }
    }
}
