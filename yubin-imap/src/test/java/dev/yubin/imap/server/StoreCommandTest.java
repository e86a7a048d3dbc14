package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** STORE and UID STORE, with .SILENT and UNCHANGEDSINCE. */
class StoreCommandTest extends ServerTestBase {

    @Test
    void addRemoveReplace() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("a", "x"));
        fx.deliver(fx.alice, ImapFixture.message("b", "y"));
        try (ImapTestClient c = fx.login()) {
            c.ok("ENABLE IMAP4rev2");
            c.ok("SELECT INBOX");
            assertThat(joined(c.ok("STORE 1:2 +FLAGS (\\Seen $Important)")))
                    .contains("* 1 FETCH (FLAGS ($Important \\Seen)").contains("* 2 FETCH");
            assertThat(joined(c.ok("STORE 1 -FLAGS.SILENT (\\seen)"))).doesNotContain("FETCH");
            assertThat(joined(c.ok("UID STORE 2 FLAGS (\\Flagged)"))).contains("* 2 FETCH (FLAGS (\\Flagged) UID 2");
            assertThat(joined(c.ok("FETCH 1:2 FLAGS"))).contains("* 1 FETCH (FLAGS ($Important))")
                    .contains("* 2 FETCH (FLAGS (\\Flagged))");
            assertThat(ImapTestClient.last(c.command("STORE 1 +FLAGS (\\Bogus)"))).contains("BAD");
        }
    }

    @Test
    void unchangedSinceReportsModified() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("a", "x"));
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            String r = joined(c.ok("STORE 1 (UNCHANGEDSINCE 1) +FLAGS (\\Seen)"));
            assertThat(r).contains("[MODIFIED 1]");
            String ok = joined(c.ok("STORE 1 (UNCHANGEDSINCE 999999) +FLAGS (\\Seen)"));
            assertThat(ok).contains("MODSEQ (").doesNotContain("MODIFIED");
        }
    }
}
