package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Transcripts of two sessions on one mailbox: what each sees, and when (RFC 9051 §7.5.1). */
class MultiSessionTest extends ServerTestBase {

    @Test
    void expungeIsDeferredDuringFetchStoreSearch() throws Exception {
        for (int i = 0; i < 3; i++) {
            fx.deliver(fx.alice, ImapFixture.message("m" + i, "b"));
        }
        try (ImapTestClient a = fx.login(); ImapTestClient b = fx.login()) {
            a.ok("SELECT INBOX");
            b.ok("SELECT INBOX");
            b.ok("STORE 2 +FLAGS.SILENT (\\Deleted)");
            b.ok("EXPUNGE");
            // A still numbers 3 messages: FETCH must not carry EXPUNGE
            var f = a.ok("FETCH 3 UID");
            assertThat(joined(f)).doesNotContain("EXPUNGE").contains("* 3 FETCH (UID 3)");
            assertThat(joined(a.ok("SEARCH ALL"))).doesNotContain("EXPUNGE");
            // NOOP may
            var n = a.ok("NOOP");
            assertThat(n).contains("* 2 EXPUNGE");
            assertThat(a.ok("FETCH 2 UID").get(0)).isEqualTo("* 2 FETCH (UID 3)");
        }
    }

    @Test
    void newMessagesAndFlagChangesAreAnnounced() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("m", "b"));
        try (ImapTestClient a = fx.login(); ImapTestClient b = fx.login()) {
            a.ok("SELECT INBOX");
            b.ok("SELECT INBOX");
            b.ok("STORE 1 +FLAGS (\\Answered)");
            fx.deliver(fx.alice, ImapFixture.message("n", "c"));
            String r = joined(a.ok("NOOP"));
            assertThat(r).contains("* 1 FETCH (FLAGS (\\Answered").contains("* 2 EXISTS");
            assertThat(joined(a.ok("NOOP"))).doesNotContain("EXISTS");
        }
    }

    @Test
    void perUserSessionLimit() throws Exception {
        fx.close();
        fx = new ImapFixture(dir.resolve("limited"), dev.yubin.imap.ImapSettings.defaults().withMaxSessionsPerUser(2));
        try (ImapTestClient a = fx.login(); ImapTestClient b = fx.login(); ImapTestClient c = fx.connect()) {
            assertThat(ImapTestClient.last(c.command("LOGIN alice@example.com " + ImapFixture.PASSWORD)))
                    .contains("NO [LIMIT]");
            a.ok("LOGOUT");
            // once a session ends its slot is free again
            for (int i = 0; i < 50 && !ImapTestClient.last(c.command("LOGIN alice@example.com "
                    + ImapFixture.PASSWORD)).contains("OK"); i++) {
                Thread.sleep(20);
            }
            c.ok("NOOP");
        }
    }
}
