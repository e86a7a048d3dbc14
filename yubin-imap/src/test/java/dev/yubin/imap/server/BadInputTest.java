package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Bad input gets BAD/NO/BYE, never a crash or a hang. */
class BadInputTest extends ServerTestBase {

    @Test
    void tooLongLineGetsBye() throws Exception {
        try (ImapTestClient c = fx.connect()) {
            c.send("a NOOP " + "x".repeat(70_000) + "\r\n");
            assertThat(c.readLine()).startsWith("* BYE [TOOBIG]");
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void oversizedNonSynchronisingLiteralGetsBye() throws Exception {
        try (ImapTestClient c = fx.login()) {
            c.send("a APPEND INBOX {999999999999+}\r\n");
            assertThat(c.readLine()).startsWith("* BYE [TOOBIG]");
        }
    }

    @Test
    void garbageIsAnsweredAndSessionContinues() throws Exception {
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            for (String bad : new String[] {"FETCH", "FETCH 1:", "FETCH * (BODY[1.0])", "SEARCH (((ALL",
                "STORE 1 FLAGS", "UID FROB 1", "LIST", "APPEND", "SELECT \"unterminated", "FETCH 1 BODY[MIME]",
                "SEARCH " + "(".repeat(200) + "ALL" + ")".repeat(200), "COPY 1:x INBOX", "ENABLE"}) {
                assertThat(ImapTestClient.last(c.command(bad))).as(bad).matches("t\\d+ (BAD|NO).*");
            }
            c.send("\r\n");
            assertThat(c.readLine()).contains("BAD");
            c.ok("NOOP");
        }
    }

    @Test
    void preLoginTimeout() throws Exception {
        fx.close();
        fx = new ImapFixture(dir.resolve("t"), dev.yubin.imap.ImapSettings.defaults()
                .withTimeouts(java.time.Duration.ofMillis(300), java.time.Duration.ofMinutes(30)));
        try (ImapTestClient c = fx.connect()) {
            assertThat(c.readLine()).startsWith("* BYE");
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
