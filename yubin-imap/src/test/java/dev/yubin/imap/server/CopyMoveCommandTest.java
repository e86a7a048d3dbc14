package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** COPY, MOVE and their UID forms with COPYUID. */
class CopyMoveCommandTest extends ServerTestBase {

    @Test
    void copyAndMove() throws Exception {
        for (int i = 0; i < 3; i++) {
            fx.deliver(fx.alice, ImapFixture.message("m" + i, "b"));
        }
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            assertThat(ImapTestClient.last(c.ok("COPY 1:2 Archive"))).matches("t3 OK \\[COPYUID \\d+ 1:2 1:2\\] COPY completed");
            var moved = c.ok("UID MOVE 3 Trash");
            assertThat(moved.get(0)).matches("\\* OK \\[COPYUID \\d+ 3 1\\] Moved");
            assertThat(moved.get(1)).isEqualTo("* 3 EXPUNGE");
            assertThat(ImapTestClient.last(c.command("COPY 1 Nope"))).startsWith("t5 NO [TRYCREATE]");
            assertThat(c.ok("STATUS Archive (MESSAGES)").get(0)).contains("MESSAGES 2");
        }
    }
}
