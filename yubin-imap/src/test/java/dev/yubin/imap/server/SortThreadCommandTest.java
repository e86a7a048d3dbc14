package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SORT and THREAD (RFC 5256). */
class SortThreadCommandTest extends ServerTestBase {

    private static String msg(String id, String refs, String subject, String date, String from) {
        return "From: " + from + "\r\nTo: a@example.com\r\nSubject: " + subject + "\r\nDate: " + date
                + "\r\nMessage-ID: <" + id + "@x>\r\n" + (refs == null ? "" : "References: " + refs + "\r\n")
                + "\r\nbody\r\n";
    }

    @Test
    void sortAndThread() throws Exception {
        fx.deliver(fx.alice, msg("a", null, "Plans", "Mon, 02 Nov 2026 10:00:00 +0000", "zed@example.org"));
        fx.deliver(fx.alice, msg("b", "<a@x>", "Re: Plans", "Mon, 02 Nov 2026 11:00:00 +0000", "amy@example.org"));
        fx.deliver(fx.alice, msg("c", null, "Another", "Sun, 01 Nov 2026 09:00:00 +0000", "bob@example.org"));
        fx.deliver(fx.alice, msg("d", "<a@x> <b@x>", "Re: Re: Plans", "Mon, 02 Nov 2026 12:00:00 +0000",
                "cat@example.org"));
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            assertThat(c.ok("SORT (DATE) UTF-8 ALL").get(0)).isEqualTo("* SORT 3 1 2 4");
            assertThat(c.ok("SORT (REVERSE DATE) UTF-8 ALL").get(0)).isEqualTo("* SORT 4 2 1 3");
            assertThat(c.ok("SORT (SUBJECT DATE) UTF-8 ALL").get(0)).isEqualTo("* SORT 3 1 2 4");
            assertThat(c.ok("SORT (FROM) UTF-8 ALL").get(0)).isEqualTo("* SORT 2 3 4 1");
            assertThat(c.ok("UID SORT (SIZE) UTF-8 UID 1:2").get(0)).startsWith("* SORT ");
            assertThat(c.ok("THREAD ORDEREDSUBJECT UTF-8 ALL").get(0)).isEqualTo("* THREAD (3)(1 (2)(4))");
            assertThat(c.ok("THREAD REFERENCES UTF-8 ALL").get(0)).isEqualTo("* THREAD (3)(1 2 4)");
            assertThat(ImapTestClient.last(c.command("SORT (BOGUS) UTF-8 ALL"))).contains("BAD");
            // a reply that lost its References joins the thread by subject (RFC 5256 step 5)
            fx.deliver(fx.alice, msg("e", null, "Re: Another", "Tue, 03 Nov 2026 12:00:00 +0000", "dan@example.org"));
            c.ok("NOOP");
            assertThat(c.ok("THREAD REFERENCES UTF-8 ALL").get(0)).isEqualTo("* THREAD (3 5)(1 2 4)");
        }
    }
}
