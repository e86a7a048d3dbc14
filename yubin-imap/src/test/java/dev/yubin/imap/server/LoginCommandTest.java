package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** LOGIN, AUTHENTICATE (PLAIN, LOGIN, SASL-IR), CAPABILITY, LOGOUT and the state machine. */
class LoginCommandTest extends ServerTestBase {

    @Test
    void greetingAndCapabilities() throws Exception {
        try (ImapTestClient c = fx.connect()) {
            assertThat(c.greeting).startsWith("* OK [CAPABILITY IMAP4rev1 IMAP4rev2").contains("AUTH=PLAIN")
                    .contains("SASL-IR");
            assertThat(joined(c.ok("CAPABILITY"))).contains("* CAPABILITY IMAP4rev1").doesNotContain("QUOTA");
        }
    }

    @Test
    void loginAndLogout() throws Exception {
        try (ImapTestClient c = fx.connect()) {
            assertThat(ImapTestClient.last(c.command("LOGIN alice@example.com wrong"))).contains("NO [AUTHENTICATIONFAILED]");
            assertThat(ImapTestClient.last(c.ok("LOGIN alice@example.com " + ImapFixture.PASSWORD)))
                    .contains("[CAPABILITY ").contains("QUOTA");
            assertThat(ImapTestClient.last(c.command("LOGIN alice@example.com x"))).contains("BAD");
            var bye = c.ok("LOGOUT");
            assertThat(bye.get(0)).startsWith("* BYE");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void authenticatePlainWithInitialResponse() throws Exception {
        String ir = Base64.getEncoder().encodeToString(("\0alice@example.com\0" + ImapFixture.PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        try (ImapTestClient c = fx.connect()) {
            c.ok("AUTHENTICATE PLAIN " + ir);
            c.ok("SELECT INBOX");
        }
    }

    @Test
    void authenticateLoginWithContinuations() throws Exception {
        try (ImapTestClient c = fx.connect()) {
            c.sendLine("a AUTHENTICATE LOGIN");
            assertThat(c.readLine()).startsWith("+ ");
            c.sendLine(Base64.getEncoder().encodeToString("alice@example.com".getBytes(StandardCharsets.UTF_8)));
            assertThat(c.readLine()).startsWith("+ ");
            c.sendLine(Base64.getEncoder().encodeToString(ImapFixture.PASSWORD.getBytes(StandardCharsets.UTF_8)));
            assertThat(ImapTestClient.last(c.until("a"))).startsWith("a OK");
        }
    }

    @Test
    void authenticateCanBeCancelled() throws Exception {
        try (ImapTestClient c = fx.connect()) {
            c.sendLine("a AUTHENTICATE PLAIN");
            assertThat(c.readLine()).startsWith("+");
            c.sendLine("*");
            assertThat(ImapTestClient.last(c.until("a"))).startsWith("a BAD");
        }
    }

    @Test
    void wrongStateCommandsAndTooManyBadCommands() throws Exception {
        try (ImapTestClient c = fx.connect()) {
            assertThat(ImapTestClient.last(c.command("SELECT INBOX"))).contains("BAD");
            assertThat(ImapTestClient.last(c.command("FETCH 1 FLAGS"))).contains("BAD");
            assertThat(ImapTestClient.last(c.command("FOO"))).contains("BAD");
            assertThat(ImapTestClient.last(c.command("BAR"))).contains("BAD");
            c.sendLine("x5 BAZ");
            assertThat(c.readLine()).startsWith("x5 BAD");
            assertThat(c.readLine()).startsWith("* BYE");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void selectedStateCommandsNeedAMailbox() throws Exception {
        try (ImapTestClient c = fx.login()) {
            assertThat(ImapTestClient.last(c.command("FETCH 1 FLAGS"))).contains("BAD");
            assertThat(ImapTestClient.last(c.command("EXPUNGE"))).contains("BAD");
            c.ok("NOOP");
        }
    }
}
