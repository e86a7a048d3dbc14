package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** APPEND, MULTIAPPEND, APPENDUID, TRYCREATE and literal limits. */
class AppendCommandTest extends ServerTestBase {

    @Test
    void appendWithFlagsAndDate() throws Exception {
        String msg = ImapFixture.message("appended", "hello");
        try (ImapTestClient c = fx.login()) {
            c.sendLine("a1 APPEND Drafts (\\Draft \\Seen) \"05-Nov-2026 10:11:12 +0100\" {" + msg.length() + "}");
            assertThat(c.readLine()).startsWith("+ ");
            c.send(msg + "\r\n");
            assertThat(ImapTestClient.last(c.until("a1"))).matches("a1 OK \\[APPENDUID \\d+ 1\\] APPEND completed");
            c.ok("SELECT Drafts");
            String r = joined(c.ok("FETCH 1 (FLAGS INTERNALDATE BODY.PEEK[])"));
            assertThat(r).contains("\\Draft").contains("\\Seen").contains("INTERNALDATE \"05-Nov-2026 09:11:12 +0000\"")
                    .contains("Subject: appended");
        }
    }

    @Test
    void multiAppendWithNonSynchronisingLiterals() throws Exception {
        String a = ImapFixture.message("one", "1");
        String b = ImapFixture.message("two", "2");
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            c.send("a1 APPEND INBOX {" + a.length() + "+}\r\n" + a + " (\\Flagged) {" + b.length() + "+}\r\n" + b + "\r\n");
            var lines = c.until("a1");
            assertThat(ImapTestClient.last(lines)).matches("a1 OK \\[APPENDUID \\d+ 1:2\\] APPEND completed");
            assertThat(lines).contains("* 2 EXISTS");
            assertThat(c.ok("SEARCH FLAGGED").get(0)).isEqualTo("* SEARCH 2");
        }
    }

    @Test
    void missingMailboxAndTooBig() throws Exception {
        try (ImapTestClient c = fx.login()) {
            c.sendLine("a1 APPEND Nope {5}");
            assertThat(c.readLine()).startsWith("+");
            c.send("Hi: x\r\n");
            assertThat(ImapTestClient.last(c.until("a1"))).startsWith("a1 NO [TRYCREATE]");
            c.sendLine("a2 APPEND INBOX {999999999999}");
            assertThat(c.readLine()).startsWith("a2 NO [TOOBIG]");
            c.ok("NOOP");
        }
    }

    @Test
    void overQuotaMultiAppendAddsNothing() throws Exception {
        fx.store.setQuota(fx.alice.address(), 1500);
        String a = ImapFixture.message("one", "x".repeat(600));
        String b = ImapFixture.message("two", "y".repeat(900));
        try (ImapTestClient c = fx.login()) {
            c.send("a1 APPEND INBOX {" + a.length() + "+}\r\n" + a + " {" + b.length() + "+}\r\n" + b + "\r\n");
            assertThat(ImapTestClient.last(c.until("a1"))).startsWith("a1 NO [OVERQUOTA]");
            assertThat(c.ok("STATUS INBOX (MESSAGES)").get(0)).contains("MESSAGES 0");
        }
    }
}
