package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.junit.jupiter.api.Test;

/** NOOP, CHECK, ID, NAMESPACE, ENABLE, COMPRESS, and QRESYNC on SELECT. */
class SessionCommandsTest extends ServerTestBase {

    @Test
    void idNamespaceEnable() throws Exception {
        try (ImapTestClient c = fx.connect()) {
            assertThat(c.ok("ID (\"name\" \"test\")").get(0)).startsWith("* ID (\"name\" \"Yubin\"");
            c.ok("LOGIN alice@example.com " + ImapFixture.PASSWORD);
            assertThat(c.ok("NAMESPACE").get(0)).isEqualTo("* NAMESPACE ((\"\" \"/\")) NIL NIL");
            assertThat(c.ok("ENABLE CONDSTORE X-UNKNOWN").get(0)).isEqualTo("* ENABLED CONDSTORE");
            c.ok("SELECT INBOX");
            c.ok("CHECK");
            c.ok("NOOP");
        }
    }

    @Test
    void qresyncSelectReportsVanished() throws Exception {
        for (int i = 0; i < 3; i++) {
            fx.deliver(fx.alice, ImapFixture.message("m" + i, "b"));
        }
        long validity;
        long modseq;
        try (ImapTestClient c = fx.login()) {
            String sel = joined(c.ok("SELECT INBOX"));
            validity = Long.parseLong(sel.replaceAll("(?s).*UIDVALIDITY (\\d+).*", "$1"));
            modseq = Long.parseLong(sel.replaceAll("(?s).*HIGHESTMODSEQ (\\d+).*", "$1"));
            c.ok("STORE 1 +FLAGS (\\Seen)");
            c.ok("STORE 2 +FLAGS (\\Deleted)");
            c.ok("EXPUNGE");
        }
        try (ImapTestClient c = fx.login()) {
            c.ok("ENABLE QRESYNC");
            String r = joined(c.ok("SELECT INBOX (QRESYNC (" + validity + " " + modseq + " 1:3))"));
            assertThat(r).contains("* VANISHED (EARLIER) 2").contains("* 1 FETCH (FLAGS (\\Seen) UID 1 MODSEQ (");
        }
    }

    @Test
    void qresyncSequenceMatchDataNarrowsVanished() throws Exception {
        for (int i = 0; i < 10; i++) {
            fx.deliver(fx.alice, ImapFixture.message("m" + i, "b"));
        }
        long validity;
        try (ImapTestClient c = fx.login()) {
            String sel = joined(c.ok("SELECT INBOX"));
            validity = Long.parseLong(sel.replaceAll("(?s).*UIDVALIDITY (\\d+).*", "$1"));
            c.ok("UID STORE 2,4,8 +FLAGS (\\Deleted)");
            c.ok("EXPUNGE"); // left: UIDs 1 3 5 6 7 9 10 at sequence numbers 1-7
        }
        try (ImapTestClient c = fx.login()) {
            c.ok("ENABLE QRESYNC");
            String all = joined(c.ok("EXAMINE INBOX (QRESYNC (" + validity + " 1 1:10))"));
            assertThat(all).contains("* VANISHED (EARLIER) 2,4,8");
            // the client saw seq 1 = UID 1 and seq 3 = UID 5 before: still true, so it knows of 2 and 4;
            // its seq 7 = UID 7 no longer matches (it is now seq 5), so 8 stays in the reply
            String narrowed = joined(c.ok("EXAMINE INBOX (QRESYNC (" + validity + " 1 1:10 (1,3,7 1,5,7)))"));
            assertThat(narrowed).contains("* VANISHED (EARLIER) 8").doesNotContain("VANISHED (EARLIER) 2");
            // every pair matches the current mailbox: nothing before UID 10 is news
            String none = joined(c.ok("EXAMINE INBOX (QRESYNC (" + validity + " 1 (1:3,7 1,3,5,10)))"));
            assertThat(none).doesNotContain("VANISHED");
            // a first pair that does not match narrows nothing
            String first = joined(c.ok("EXAMINE INBOX (QRESYNC (" + validity + " 1 1:10 (2 2)))"));
            assertThat(first).contains("* VANISHED (EARLIER) 2,4,8");
            assertThat(ImapTestClient.last(c.command("EXAMINE INBOX (QRESYNC (" + validity + " 1 1:10 (1:3 1,5)))")))
                    .contains("BAD");
            // huge ranges are walked only as far as the mailbox goes
            String huge = joined(c.ok("EXAMINE INBOX (QRESYNC (" + validity + " 1 1:* (1:4294967295 1:4294967295)))"));
            assertThat(huge).contains("* VANISHED (EARLIER) 2,4,8");
        }
    }

    @Test
    void compressDeflate() throws Exception {
        try (Socket s = new Socket("127.0.0.1", fx.port())) {
            s.setSoTimeout(10_000);
            InputStream rawIn = s.getInputStream();
            OutputStream rawOut = s.getOutputStream();
            readLine(rawIn);
            rawOut.write(("a LOGIN alice@example.com " + ImapFixture.PASSWORD + "\r\nb COMPRESS DEFLATE\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            rawOut.flush();
            assertThat(readLine(rawIn)).startsWith("a OK");
            assertThat(readLine(rawIn)).startsWith("b OK");
            InputStream in = new InflaterInputStream(rawIn, new Inflater(true));
            DeflaterOutputStream out = new DeflaterOutputStream(rawOut, new Deflater(Deflater.DEFAULT_COMPRESSION, true),
                    true);
            out.write("c LIST \"\" INBOX\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readLine(in)).startsWith("* LIST");
            assertThat(readLine(in)).startsWith("c OK");
        }
    }

    private static String readLine(InputStream in) throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            b.write(c);
        }
        return b.toString(StandardCharsets.US_ASCII).strip();
    }
}
