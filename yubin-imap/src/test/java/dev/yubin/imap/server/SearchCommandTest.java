package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** SEARCH, UID SEARCH, ESEARCH and SEARCHRES. */
class SearchCommandTest extends ServerTestBase {

    @Test
    void keysAndFullText() throws Exception {
        fx.deliver(fx.alice, ImapFixture.message("Quarterly report", "the numbers are in the spreadsheet"));
        fx.deliver(fx.alice, ImapFixture.message("Lunch", "pizza on friday"));
        fx.deliver(fx.alice, ImapFixture.message("=?UTF-8?B?w5xiZXIgYWxsZXM=?=", "umlaut subject"));
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            c.ok("STORE 2 +FLAGS (\\Flagged)");
            assertThat(c.ok("SEARCH ALL").get(0)).isEqualTo("* SEARCH 1 2 3");
            assertThat(c.ok("SEARCH FLAGGED").get(0)).isEqualTo("* SEARCH 2");
            assertThat(c.ok("SEARCH UNFLAGGED").get(0)).isEqualTo("* SEARCH 1 3");
            assertThat(c.ok("SEARCH SUBJECT report").get(0)).isEqualTo("* SEARCH 1");
            assertThat(c.ok("SEARCH SUBJECT \"über\"").get(0)).isEqualTo("* SEARCH 3");
            assertThat(c.ok("SEARCH BODY pizza").get(0)).isEqualTo("* SEARCH 2");
            assertThat(c.ok("SEARCH TEXT spreadsheet").get(0)).isEqualTo("* SEARCH 1");
            // RFC 9051 §6.4.4: BODY looks at the body only, TEXT at header and body
            assertThat(c.ok("SEARCH BODY quarterly").get(0)).isEqualTo("* SEARCH");
            assertThat(c.ok("SEARCH TEXT quarterly").get(0)).isEqualTo("* SEARCH 1");
            assertThat(c.ok("SEARCH FROM carol").get(0)).isEqualTo("* SEARCH 1 2 3");
            assertThat(c.ok("SEARCH OR FLAGGED SUBJECT lunch NOT 3").get(0)).isEqualTo("* SEARCH 2");
            assertThat(c.ok("SEARCH HEADER Message-ID example.org LARGER 10").get(0)).isEqualTo("* SEARCH 1 2 3");
            assertThat(c.ok("SEARCH SENTON 2-Nov-2026 SINCE 1-Jan-2020").get(0)).isEqualTo("* SEARCH 1 2 3");
            assertThat(c.ok("UID SEARCH 2:*").get(0)).isEqualTo("* SEARCH 2 3");
            assertThat(c.ok("SEARCH CHARSET UTF-8 BODY friday").get(0)).isEqualTo("* SEARCH 2");
            assertThat(ImapTestClient.last(c.command("SEARCH CHARSET KOI8-R ALL"))).contains("NO [BADCHARSET");
            assertThat(ImapTestClient.last(c.command("SEARCH FOO"))).contains("BAD");
        }
    }

    @Test
    void esearchAndSave() throws Exception {
        for (int i = 0; i < 5; i++) {
            fx.deliver(fx.alice, ImapFixture.message("m" + i, "body " + i));
        }
        try (ImapTestClient c = fx.login()) {
            c.ok("SELECT INBOX");
            c.ok("STORE 2,4 +FLAGS (\\Seen)");
            assertThat(c.ok("SEARCH RETURN (MIN MAX COUNT ALL) UNSEEN").get(0))
                    .isEqualTo("* ESEARCH (TAG \"t4\") MIN 1 MAX 5 COUNT 3 ALL 1,3,5");
            assertThat(c.ok("UID SEARCH RETURN (SAVE) SEEN")).hasSize(1);
            assertThat(joined(c.ok("FETCH $ UID"))).contains("* 2 FETCH (UID 2)").contains("* 4 FETCH (UID 4)");
            assertThat(c.ok("SEARCH RETURN () $").get(0)).isEqualTo("* ESEARCH (TAG \"t7\") ALL 2,4");
        }
    }
}
