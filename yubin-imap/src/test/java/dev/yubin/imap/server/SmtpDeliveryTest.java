package dev.yubin.imap.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.net.Listener;
import dev.yubin.net.ListenerSettings;
import dev.yubin.smtp.server.SmtpServer;
import dev.yubin.smtp.server.SmtpSettings;
import dev.yubin.testkit.smtp.SmtpTestClient;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Mail received by the SMTP server appears in INBOX, pushed to an IDLE session within a second. */
class SmtpDeliveryTest extends ServerTestBase {

    @Test
    void smtpDeliveryReachesIdlingClient() throws Exception {
        SmtpServer smtp = new SmtpServer(SmtpSettings.builder().hostname("mx.example.com").build(), fx.store, fx.store,
                fx.blobs, fx.indexer, List.of(), Clock.systemUTC());
        try (Listener l = new Listener(new ListenerSettings("smtp", new InetSocketAddress("127.0.0.1", 0),
                ListenerSettings.Tls.PLAIN, 10, 10, Duration.ofMinutes(1)), null, smtp.lineLimit(), smtp);
             ImapTestClient c = fx.login();
             SmtpTestClient s = SmtpTestClient.connect(l.port())) {
            c.ok("SELECT INBOX");
            c.sendLine("i IDLE");
            assertThat(c.readLine()).startsWith("+ ");
            s.hello("client.example.org");
            long start = System.nanoTime();
            SmtpTestClient.Reply r = s.send("carol@example.org", List.of("alice@example.com"),
                    "From: carol@example.org\r\nTo: alice@example.com\r\nSubject: over smtp\r\n\r\nhi there\r\n");
            assertThat(r.code()).isEqualTo(250);
            assertThat(c.readLine()).isEqualTo("* 1 EXISTS");
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(1000);
            c.readLine(); // RECENT
            c.sendLine("DONE");
            assertThat(c.readLine()).startsWith("i OK");
            String f = joined(c.ok("FETCH 1 (FLAGS INTERNALDATE ENVELOPE BODY.PEEK[TEXT])"));
            assertThat(f).contains("\"over smtp\"").contains("hi there").contains("FLAGS (\\Recent)");
            assertThat(c.ok("SEARCH BODY there").get(0)).isEqualTo("* SEARCH 1");
        }
    }
}
