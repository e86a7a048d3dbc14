package dev.yubin.smtp.server.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.yubin.smtp.server.RcptParameters;
import dev.yubin.testkit.smtp.SmtpTestClient;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RcptCommandTest extends ServerTestBase {
    final RcptCommand rcpt = new RcptCommand();

    @Test
    void parsesDsnParameters() throws Exception {
        RcptCommand.Args a = rcpt.parse("TO:<alice@example.com> NOTIFY=success,delay ORCPT=rfc822;Alice+40x");
        assertThat(a.parameters().notifyOn()).isEqualTo(Set.of(RcptParameters.Notify.SUCCESS, RcptParameters.Notify.DELAY));
        assertThat(a.parameters().originalRecipient().orElseThrow())
                .isEqualTo(new RcptParameters.OriginalRecipient("rfc822", "Alice@x"));
        assertThatThrownBy(() -> rcpt.parse("TO:<>")).isInstanceOf(SmtpSyntaxException.class);
        assertThatThrownBy(() -> rcpt.parse("TO:<a@b.example> NOTIFY=NEVER,FAILURE")).isInstanceOf(SmtpSyntaxException.class);
        assertThatThrownBy(() -> rcpt.parse("FROM:<a@b.example>")).isInstanceOf(SmtpSyntaxException.class);
    }

    /** Every open-relay-tester form: refused, with 550 5.7.1 (or 501 when it is not an address at all). */
    @ParameterizedTest
    @ValueSource(strings = {
        "<user@remote.example>", "user@remote.example", "<user%remote.example@example.com>",
        "<alice%remote.example@example.com>", "<\"user%remote.example\"@example.com>",
        "<remote.example!user@example.com>", "<\"user@remote.example\"@example.com>",
        "<@example.com:user@remote.example>", "<@example.com,@example.org:user@remote.example>",
        "<user@[127.0.0.1]>", "<user@[IPv6:::1]>", "<user@remote.example.>", "<user@localhost>",
        "<user@sub.example.com>", "<user@remote.example@example.com>", "<remote.example!user>",
        "<\"user@remote.example\">", "<user@example.com@remote.example>", "<\"alice@example.com\"@remote.example>",
        "<user@remote.example> NOTIFY=NEVER", "<USER@REMOTE.EXAMPLE>", "<user@xn--bcher-kva.example>",
    })
    void relayAttemptsAreRefused(String path) throws Exception {
        try (SmtpTestClient c = greeted()) {
            assertThat(c.command("MAIL FROM:<tester@remote.example>").code()).isEqualTo(250);
            SmtpTestClient.Reply r = c.command("RCPT TO:" + path);
            assertThat(reply(r)).matches("(550 5\\.7\\.1|501 5\\.1\\.3) .*");
            assertThat(reply(c.command("DATA"))).matches("(554|503) 5\\.5\\.1 .*");
        }
    }

    @Test
    void unknownUserIs550511() throws Exception {
        try (SmtpTestClient c = greeted()) {
            c.command("MAIL FROM:<a@remote.example>");
            assertThat(reply(c.command("RCPT TO:<nobody@example.com>"))).startsWith("550 5.1.1");
            assertThat(reply(c.command("RCPT TO:<alice@example.com>"))).startsWith("250 2.1.5");
        }
    }
}
