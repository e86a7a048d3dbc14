package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * {@code \Recent} (RFC 3501 §2.3.2): recent in exactly one session, the first to SELECT after the
 * message arrived; EXAMINE and STATUS show it without taking it; IMAP4rev2 never shows it.
 */
class RecentCommandTest extends ServerTestBase {

    @Test
    void statusAndExamineDoNotClaimSelectDoes() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("one", "body one"));
        fx.deliver(fx.alice, ImapFixture.message("two", "body two"));
        try (ImapTestClient a = fx.login(); ImapTestClient b = fx.login()) {
            assertThat(joined(a.ok("STATUS INBOX (MESSAGES RECENT)"))).contains("(MESSAGES 2 RECENT 2)");
            String ex = joined(a.ok("EXAMINE INBOX"));
            assertThat(ex).contains("* 2 RECENT");
            assertThat(joined(a.ok("FETCH 1 FLAGS"))).contains("FLAGS (\\Recent)");
            assertThat(joined(a.ok("SEARCH RECENT"))).contains("* SEARCH 1 2");
            assertThat(joined(b.ok("STATUS INBOX (RECENT)"))).as("EXAMINE claims nothing").contains("(RECENT 2)");

            assertThat(joined(b.ok("SELECT INBOX"))).contains("* 2 RECENT");
            assertThat(joined(b.ok("STATUS INBOX (RECENT)"))).as("the selecting session's own").contains("(RECENT 2)");
            assertThat(joined(a.ok("STATUS INBOX (RECENT)"))).contains("(RECENT 0)");
            assertThat(joined(a.ok("SELECT INBOX"))).contains("* 0 RECENT");
            assertThat(joined(a.ok("FETCH 1:2 FLAGS"))).doesNotContain("\\Recent");
            assertThat(joined(a.ok("SEARCH OLD"))).contains("* SEARCH 1 2");
            assertThat(joined(b.ok("FETCH 1:2 FLAGS"))).contains("* 1 FETCH (FLAGS (\\Recent))")
                    .contains("* 2 FETCH (FLAGS (\\Recent))");
        }
    }

    @Test
    void aNewMessageIsRecentInTheSessionThatSeesItFirst() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("one", "body one"));
        try (ImapTestClient a = fx.login(); ImapTestClient b = fx.login()) {
            assertThat(joined(a.ok("SELECT INBOX"))).contains("* 1 RECENT");
            assertThat(joined(b.ok("SELECT INBOX"))).contains("* 0 RECENT");
            fx.deliver(fx.alice, ImapFixture.message("two", "body two"));
            String na = joined(a.ok("NOOP"));
            assertThat(na).contains("* 2 EXISTS").contains("* 2 RECENT");
            String nb = joined(b.ok("NOOP"));
            assertThat(nb).contains("* 2 EXISTS").contains("* 0 RECENT");
            a.ok("STORE 1 +FLAGS (\\Seen)");
            assertThat(joined(a.ok("SEARCH NEW"))).contains("* SEARCH 2");
            assertThat(joined(a.ok("SEARCH RECENT"))).contains("* SEARCH 1 2");
            assertThat(joined(b.ok("SEARCH RECENT"))).contains("* SEARCH").doesNotContain("* SEARCH 1")
                    .doesNotContain("* SEARCH 2");
            assertThat(joined(b.ok("SEARCH OLD"))).contains("* SEARCH 1 2");
        }
    }

    @Test
    void rev2SeesNoRecentAndLeavesItForRev1() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("one", "body one"));
        try (ImapTestClient a = fx.login(); ImapTestClient b = fx.login()) {
            a.ok("ENABLE IMAP4rev2");
            assertThat(joined(a.ok("SELECT INBOX"))).doesNotContain("RECENT");
            assertThat(joined(a.ok("FETCH 1 FLAGS"))).doesNotContain("\\Recent");
            assertThat(joined(b.ok("SELECT INBOX"))).contains("* 1 RECENT");
        }
    }
}
