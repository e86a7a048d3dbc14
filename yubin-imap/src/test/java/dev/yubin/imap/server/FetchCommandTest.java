package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** FETCH and UID FETCH with every data item. */
class FetchCommandTest extends ServerTestBase {
    static final String MULTIPART = "From: Carol <carol@example.org>\r\nTo: Alice <alice@example.com>, bob@example.com\r\n"
            + "Subject: Report\r\nDate: Tue, 03 Nov 2026 09:00:00 +0100\r\nMessage-ID: <m1@example.org>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"xx\"\r\n\r\n"
            + "preamble\r\n--xx\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHello world\r\n"
            + "--xx\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment; filename=\"a.bin\"\r\n\r\nAAECAw==\r\n--xx--\r\n";

    @Test
    void envelopeFlagsUidSize() throws Exception {
        fx.deliver(fx.alice, MULTIPART);
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            String r = joined(c.ok("FETCH 1:* (FLAGS UID RFC822.SIZE ENVELOPE INTERNALDATE)"));
            assertThat(r).contains("* 1 FETCH (FLAGS (\\Recent) UID 1 RFC822.SIZE " + MULTIPART.length())
                    .contains("ENVELOPE (\"Tue, 03 Nov 2026 09:00:00 +0100\" \"Report\" ((\"Carol\" NIL \"carol\" \"example.org\"))")
                    .contains("((\"Alice\" NIL \"alice\" \"example.com\")(NIL NIL \"bob\" \"example.com\"))")
                    .contains("\"<m1@example.org>\")").contains("INTERNALDATE \"");
            assertThat(joined(c.ok("FETCH 1 ALL"))).contains("ENVELOPE");
            assertThat(joined(c.ok("UID FETCH 1 FAST"))).contains("UID 1").doesNotContain("ENVELOPE");
        }
    }

    @Test
    void bodyStructureAndSections() throws Exception {
        fx.deliver(fx.alice, MULTIPART);
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            String bs = joined(c.ok("FETCH 1 BODYSTRUCTURE"));
            assertThat(bs).contains("BODYSTRUCTURE ((\"text\" \"plain\" (\"charset\" \"utf-8\") NIL NIL \"7bit\" 11 1")
                    .contains("\"mixed\" (\"boundary\" \"xx\")").contains("(\"attachment\" (\"filename\" \"a.bin\"))");
            assertThat(joined(c.ok("FETCH 1 BODY"))).contains("BODY ((\"text\" \"plain\"");
            assertThat(joined(c.ok("FETCH 1 BODY.PEEK[1]"))).contains("BODY[1] {11}\r\nHello world)");
            assertThat(joined(c.ok("FETCH 1 BODY.PEEK[2.MIME]"))).contains("Content-Disposition: attachment");
            assertThat(joined(c.ok("FETCH 1 BODY.PEEK[HEADER.FIELDS (subject)]")))
                    .contains("BODY[HEADER.FIELDS (SUBJECT)] {19}\r\nSubject: Report\r\n\r\n)");
            assertThat(joined(c.ok("FETCH 1 BODY.PEEK[HEADER.FIELDS.NOT (subject)]"))).doesNotContain("Subject:")
                    .contains("From: Carol");
            assertThat(joined(c.ok("FETCH 1 BODY.PEEK[]<0.4>"))).contains("BODY[]<0> {4}\r\nFrom)");
            assertThat(joined(c.ok("FETCH 1 BINARY.PEEK[2]"))).contains("BINARY[2] ~{4}\r\n\u0000\u0001\u0002\u0003)");
            assertThat(joined(c.ok("FETCH 1 BINARY.SIZE[2]"))).contains("BINARY.SIZE[2] 4");
            assertThat(joined(c.ok("FETCH 1 RFC822.HEADER"))).contains("RFC822.HEADER {").contains("MIME-Version");
            assertThat(joined(c.ok("FETCH 1 BODY.PEEK[9]"))).contains("BODY[9] NIL");
            assertThat(joined(c.ok("FETCH 1 FLAGS"))).doesNotContain("\\Seen");
        }
    }

    @Test
    void bodyWithoutPeekSetsSeen() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("hi", "text"));
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            String r = joined(c.ok("FETCH 1 BODY[TEXT]"));
            assertThat(r).contains("BODY[TEXT] {6}\r\ntext\r\n").contains("\\Seen");
            assertThat(joined(c.ok("FETCH 1 FLAGS"))).contains("\\Seen");
        }
    }

    @Test
    void invalidSequenceNumbersAreBad() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("hi", "text"));
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            assertThat(ImapTestClient.last(c.command("FETCH 5 FLAGS"))).contains("BAD");
            assertThat(ImapTestClient.last(c.command("FETCH 0 FLAGS"))).contains("BAD");
            assertThat(ImapTestClient.last(c.command("FETCH 1 (FLAGS"))).contains("BAD");
            assertThat(ImapTestClient.last(c.command("FETCH 1 BODY[HEADER.FIELDS ()]"))).contains("BAD");
            assertThat(ImapTestClient.last(c.ok("UID FETCH 99 FLAGS"))).contains("OK");
        }
    }

    @Test
    void changedSinceAndModseq() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("a", "x"));
        fx.deliver(fx.alice, ImapFixture.message("b", "y"));
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX (CONDSTORE)");
            String r = joined(c.ok("FETCH 1:* (FLAGS MODSEQ)"));
            assertThat(r).contains("MODSEQ (");
            long modseq = Long.parseLong(r.replaceAll("(?s).*\\* 2 FETCH \\(FLAGS \\([^)]*\\) MODSEQ \\((\\d+)\\).*", "$1"));
            c.ok("STORE 1 +FLAGS.SILENT (\\Flagged)");
            String changed = joined(c.ok("UID FETCH 1:* (FLAGS) (CHANGEDSINCE " + modseq + ")"));
            assertThat(changed).contains("* 1 FETCH").doesNotContain("* 2 FETCH");
        }
    }

    @Test
    void singleRangesResolveAgainstGapsInUids() throws Exception {
        for (int i = 1; i <= 6; i++) {
            fx.deliver(fx.alice, ImapFixture.message("m" + i, "body " + i));
        }
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            c.ok("UID STORE 2,4 +FLAGS.SILENT (\\Deleted)");
            c.ok("EXPUNGE"); // UIDs 1 3 5 6 at sequence numbers 1-4
            assertThat(joined(c.ok("UID FETCH 2:4 UID"))).contains("* 2 FETCH (UID 3)").doesNotContain("* 1 FETCH");
            assertThat(joined(c.ok("UID FETCH 4:2 UID"))).contains("* 2 FETCH (UID 3)");
            assertThat(joined(c.ok("UID FETCH 7:* UID"))).as("n:* includes the highest UID").contains("* 4 FETCH (UID 6)");
            assertThat(joined(c.ok("UID FETCH 4 UID"))).doesNotContain("FETCH (");
            assertThat(joined(c.ok("UID FETCH 100:200 UID"))).doesNotContain("FETCH (");
            assertThat(joined(c.ok("FETCH 2:* UID"))).contains("* 2 FETCH (UID 3)").contains("* 3 FETCH (UID 5)")
                    .contains("* 4 FETCH (UID 6)").doesNotContain("* 1 FETCH");
            assertThat(joined(c.ok("FETCH *:3 UID"))).contains("* 3 FETCH (UID 5)").contains("* 4 FETCH (UID 6)");
            assertThat(joined(c.ok("FETCH 4 UID"))).contains("* 4 FETCH (UID 6)");
            assertThat(ImapTestClient.last(c.command("FETCH 5 UID"))).contains("BAD");
            assertThat(ImapTestClient.last(c.command("FETCH 3:5 UID"))).contains("BAD");
        }
    }

    @Test
    void largeBodiesAcrossManyResponsesStayIntact() throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; body.length() < 150_000; i++) {
            body.append("line ").append(i).append(" of a long message\r\n");
        }
        String big = ImapFixture.message("big", body.toString());
        String small = ImapFixture.message("small", "tiny");
        fx.deliver(fx.alice, big);
        fx.deliver(fx.alice, small);
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            for (int round = 0; round < 3; round++) {
                String r = joined(c.ok("FETCH 1:2 BODY.PEEK[]"));
                assertThat(r).contains("BODY[] {" + big.length() + "}\r\n" + big + ")")
                        .contains("BODY[] {" + small.length() + "}\r\n" + small + ")");
                assertThat(joined(c.ok("FETCH 2 BODY.PEEK[]"))).contains(small);
            }
        }
    }
}
