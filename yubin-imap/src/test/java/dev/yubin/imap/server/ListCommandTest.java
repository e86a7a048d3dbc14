package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** LIST (with LIST-EXTENDED, SPECIAL-USE, LIST-STATUS), LSUB, CREATE, DELETE, RENAME, SUBSCRIBE, STATUS. */
class ListCommandTest extends ServerTestBase {

    @Test
    void listShowsSpecialUseFolders() throws Exception {
        try (ImapTestClient c = fx.login()) {
            String r = joined(c.ok("LIST \"\" *"));
            assertThat(r).contains("* LIST (\\HasNoChildren) \"/\" \"INBOX\"")
                    .contains("\\Sent) \"/\" \"Sent\"").contains("\\Trash) \"/\" \"Trash\"")
                    .contains("\\Junk").contains("\\Drafts").contains("\\Archive");
            assertThat(c.ok("LIST \"\" \"\"").get(0)).isEqualTo("* LIST (\\Noselect) \"/\" \"\"");
            assertThat(joined(c.ok("LIST (SPECIAL-USE) \"\" *"))).doesNotContain("INBOX").contains("Sent");
        }
    }

    @Test
    void createRenameDeleteAndHierarchy() throws Exception {
        try (ImapTestClient c = fx.login()) {
            c.ok("CREATE Projects/2026");
            assertThat(ImapTestClient.last(c.command("CREATE Projects/2026"))).contains("NO [ALREADYEXISTS]");
            String pct = joined(c.ok("LIST \"\" %"));
            assertThat(pct).contains("\"Projects\"").doesNotContain("2026");
            c.ok("CREATE Projects");
            assertThat(joined(c.ok("LIST \"\" Projects"))).contains("\\HasChildren");
            c.ok("RENAME Projects Work");
            assertThat(joined(c.ok("LIST \"\" *"))).contains("\"Work/2026\"").doesNotContain("Projects");
            assertThat(ImapTestClient.last(c.command("DELETE Work"))).contains("NO");
            c.ok("DELETE Work/2026");
            c.ok("DELETE Work");
            assertThat(ImapTestClient.last(c.command("DELETE INBOX"))).contains("NO");
            assertThat(ImapTestClient.last(c.command("DELETE Nope"))).contains("NO [NONEXISTENT]");
            c.ok("CREATE Invoices (USE (\\Archive))");
            assertThat(ImapTestClient.last(c.command("CREATE X (USE (\\Bogus))"))).contains("NO [USEATTR]");
        }
    }

    @Test
    void renameInboxMovesItsMessages() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("a", "b"));
        fx.deliver(fx.alice, ImapFixture.message("c", "d"));
        try (ImapTestClient c = fx.login()) {
            c.ok("RENAME INBOX Old");
            assertThat(c.ok("STATUS INBOX (MESSAGES)").get(0)).contains("MESSAGES 0");
            assertThat(c.ok("STATUS Old (MESSAGES)").get(0)).contains("MESSAGES 2");
            assertThat(ImapTestClient.last(c.command("RENAME Old Sent"))).contains("NO [ALREADYEXISTS]");
        }
    }

    @Test
    void internationalNames() throws Exception {
        try (ImapTestClient c = fx.login()) {
            c.ok("CREATE \"&ZeVnLIqe-\"");
            assertThat(joined(c.ok("LIST \"\" *"))).contains("\"&ZeVnLIqe-\"");
            c.ok("ENABLE UTF8=ACCEPT");
            assertThat(joined(c.ok("LIST \"\" *"))).contains("\"日本語\"");
        }
    }

    @Test
    void subscriptionsAndStatus() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("a", "b"));
        try (ImapTestClient c = fx.login()) {
            c.ok("SUBSCRIBE INBOX");
            assertThat(c.ok("LSUB \"\" *")).contains("* LSUB () \"/\" \"INBOX\"");
            assertThat(joined(c.ok("LIST (SUBSCRIBED) \"\" *"))).contains("\\Subscribed) \"/\" \"INBOX\"")
                    .doesNotContain("Projects");
            c.ok("CREATE Team/Reports");
            c.ok("SUBSCRIBE Team/Reports");
            assertThat(joined(c.ok("LIST (SUBSCRIBED RECURSIVEMATCH) \"\" %")))
                    .contains("\"Team\" (\"CHILDINFO\" (\"SUBSCRIBED\"))");
            c.ok("UNSUBSCRIBE INBOX");
            assertThat(c.ok("LSUB \"\" *")).doesNotContain("* LSUB () \"/\" \"INBOX\"");
            assertThat(c.ok("STATUS INBOX (MESSAGES UNSEEN UIDNEXT SIZE HIGHESTMODSEQ)").get(0))
                    .matches("\\* STATUS \"INBOX\" \\(MESSAGES 1 UNSEEN 1 UIDNEXT 2 SIZE \\d+ HIGHESTMODSEQ \\d+\\)");
            assertThat(joined(c.ok("LIST \"\" INBOX RETURN (STATUS (MESSAGES))")))
                    .contains("* STATUS \"INBOX\" (MESSAGES 1)");
            assertThat(ImapTestClient.last(c.command("STATUS Nope (MESSAGES)"))).contains("NO [NONEXISTENT]");
        }
    }
}
