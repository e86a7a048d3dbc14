package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.imap.ImapServer;
import dev.yubin.imap.ImapSettings;
import dev.yubin.message.MessageIndexer;
import dev.yubin.message.MessageLimits;
import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.net.auth.Authenticator;
import dev.yubin.net.auth.LoginThrottle;
import dev.yubin.net.auth.LoginThrottleSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A real IMAP session (Yubin's IMAP server) and a POP3 session on the same INBOX at the same time. */
class ImapAndPop3Test extends Pop3TestBase {

    /** Just enough IMAP for the test: tagged commands, untagged responses collected. */
    private static final class Imap implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private int tag;

        Imap(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(15_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
            assertThat(line()).startsWith("* OK");
        }

        String line() throws IOException {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                b.write(c);
            }
            return b.toString(StandardCharsets.UTF_8).stripTrailing();
        }

        /** Runs a command; returns the untagged lines and, last, the tagged status line. */
        List<String> run(String command) throws IOException {
            String t = "a" + (++tag);
            out.write((t + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            List<String> lines = new ArrayList<>();
            String l;
            do {
                l = line();
                lines.add(l);
            } while (!l.startsWith(t + " "));
            assertThat(l).as(command).startsWith(t + " OK");
            return lines;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    @Test
    void imapSeesPop3DeletionsAsExpungesAndPop3SurvivesImapExpunges() throws Exception {
        for (int i = 1; i <= 3; i++) {
            f.deliver(f.alice, Pop3Fixture.message(i, 5));
        }
        ImapServer imapServer = new ImapServer(ImapSettings.defaults(), f.store, f.store, f.store.blobs(),
                new MessageIndexer(MessageLimits.defaults()), new Authenticator(f.store),
                new LoginThrottle(LoginThrottleSettings.NONE), Optional.of(f.tls));
        try (Listener imapListener = new Listener(new ListenerSettings("imap", new InetSocketAddress("127.0.0.1", 0),
                ListenerSettings.Tls.PLAIN, 10, 10, Duration.ofMinutes(1)), null, 64 * 1024, imapServer);
             Imap imap = new Imap(imapListener.port());
             Pop3Client pop = f.aliceSession()) {
            imap.run("LOGIN " + Pop3Fixture.ALICE + " " + Pop3Fixture.PASSWORD);
            assertThat(imap.run("SELECT INBOX")).contains("* 3 EXISTS");
            assertThat(pop.command("DELE 1")).startsWith("+OK");
            // IMAP expunges message 2 while POP3 still lists it
            imap.run("STORE 2 +FLAGS.SILENT (\\Deleted)");
            assertThat(imap.run("EXPUNGE")).contains("* 2 EXPUNGE");
            assertThat(pop.command("STAT")).startsWith("+OK 2 "); // POP3 numbering stays stable: 1 deleted, 2 and 3 listed
            String retr = pop.command("RETR 2");
            if (retr.startsWith("+OK")) {
                pop.lines();
            } else {
                assertThat(retr).startsWith("-ERR");
            }
            pop.command("RETR 3");
            assertThat(pop.lines()).contains("line 5 of message 3");
            assertThat(pop.command("QUIT")).startsWith("+OK Bye (1 messages deleted)");
            // the POP3 deletion reaches the IMAP session as an EXPUNGE of its message 1
            List<String> noop = imap.run("NOOP");
            assertThat(noop).contains("* 1 EXPUNGE");
            List<String> search = imap.run("UID SEARCH ALL");
            assertThat(search.get(0)).isEqualTo("* SEARCH 3");
            assertThat(imap.run("FETCH 1 (FLAGS)").get(0)).contains("\\Seen"); // retrieved over POP3
        }
    }
}
