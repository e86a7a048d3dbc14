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
