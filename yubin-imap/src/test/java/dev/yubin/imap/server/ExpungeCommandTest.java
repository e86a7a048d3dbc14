package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** EXPUNGE, UID EXPUNGE and CLOSE. */
class ExpungeCommandTest extends ServerTestBase {

    @Test
    void expungeDeletedMessages() throws Exception {
        for (int i = 0; i < 4; i++) {
            fx.deliver(fx.alice, ImapFixture.message("m" + i, "b"));
        }
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            c.ok("STORE 2:3 +FLAGS.SILENT (\\Deleted)");
            var r = c.ok("EXPUNGE");
            assertThat(r).containsSubsequence("* 3 EXPUNGE", "* 2 EXPUNGE");
            assertThat(c.ok("SEARCH ALL").get(0)).isEqualTo("* SEARCH 1 2");
            assertThat(c.ok("FETCH 2 UID").get(0)).isEqualTo("* 2 FETCH (UID 4)");
        }
    }

    @Test
    void uidExpungeOnlyNamedMessages() throws Exception {
        for (int i = 0; i < 3; i++) {
            fx.deliver(fx.alice, ImapFixture.message("m" + i, "b"));
        }
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            c.ok("STORE 1:3 +FLAGS.SILENT (\\Deleted)");
            assertThat(c.ok("UID EXPUNGE 2")).containsExactly("* 2 EXPUNGE", "t4 OK UID EXPUNGE completed");
            c.ok("ENABLE QRESYNC");
            assertThat(c.ok("EXPUNGE").get(0)).isEqualTo("* VANISHED 1,3");
        }
    }

    @Test
    void closeExpungesSilently() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("m", "b"));
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            c.ok("STORE 1 +FLAGS.SILENT (\\Deleted)");
            assertThat(c.ok("CLOSE")).hasSize(1);
            assertThat(joined(c.ok("SELECT INBOX"))).contains("* 0 EXISTS");
        }
    }
}
