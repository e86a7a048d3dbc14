package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SELECT, EXAMINE, ENABLE IMAP4rev2, UNSELECT, CLOSE. */
class SelectCommandTest extends ServerTestBase {

    @Test
    void selectReportsTheMailbox() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("one", "body one"));
        fx.deliver(fx.alice, ImapFixture.message("two", "body two"));
        try (ImapTestClient c = fx.login()) {
            String r = joined(c.ok("SELECT INBOX"));
            assertThat(r).contains("* 2 EXISTS").contains("* 2 RECENT").contains("[UIDVALIDITY ")
                    .contains("[UIDNEXT 3]").contains("[UNSEEN 1]").contains("[PERMANENTFLAGS (")
                    .contains("OK [READ-WRITE]");
            // a second session does not see them as recent any more (RFC 3501 §2.3.2)
            try (ImapTestClient d = fx.login()) {
                assertThat(joined(d.ok("SELECT inbox"))).contains("* 0 RECENT");
            }
        }
    }

    @Test
    void examineIsReadOnly() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("one", "body"));
        try (ImapTestClient c = fx.login()) {
            assertThat(ImapTestClient.last(c.ok("EXAMINE INBOX"))).contains("[READ-ONLY]");
            assertThat(ImapTestClient.last(c.command("STORE 1 +FLAGS (\\Deleted)"))).contains("NO");
            c.ok("FETCH 1 BODY[]");
            assertThat(joined(c.ok("FETCH 1 FLAGS"))).doesNotContain("\\Seen");
        }
    }

    @Test
    void missingMailbox() throws Exception {
        try (ImapTestClient c = fx.login()) {
            assertThat(ImapTestClient.last(c.command("SELECT Nope"))).contains("NO [NONEXISTENT]");
            assertThat(ImapTestClient.last(c.command("FETCH 1 FLAGS"))).contains("BAD");
        }
    }

    @Test
    void rev2HasNoRecentAndSendsList() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("one", "body"));
        try (ImapTestClient c = fx.login()) {
            assertThat(joined(c.ok("ENABLE IMAP4rev2"))).contains("* ENABLED IMAP4rev2");
            String r = joined(c.ok("SELECT INBOX"));
            assertThat(r).doesNotContain("RECENT").contains("* LIST () \"/\" \"INBOX\"");
            assertThat(joined(c.ok("SEARCH ALL"))).contains("* ESEARCH (TAG \"t4\") ALL 1");
        }
    }

    @Test
    void reselectSendsClosedAndUnselectLeaves() throws Exception {
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            assertThat(joined(c.ok("SELECT Sent"))).contains("* OK [CLOSED]");
            c.ok("UNSELECT");
            assertThat(ImapTestClient.last(c.command("FETCH 1 FLAGS"))).contains("BAD");
        }
    }
}
