package dev.yubin.imap.server;

import dev.yubin.testkit.sasl.ScramClient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.net.tls.TlsContexts;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** STARTTLS (RFC 9051 §6.2.1) and AUTHENTICATE SCRAM-SHA-256 over it. */
class StarttlsCommandTest extends ServerTestBase {

    @Test
    void starttlsThenLogin() throws Exception {
        try (ImapTestClient c = fx.connect()) {
            assertThat(c.greeting).contains("STARTTLS");
            // pipelined plaintext after STARTTLS must be discarded, never executed
            c.send("a STARTTLS\r\nb LOGIN alice@example.com " + ImapFixture.PASSWORD + "\r\n");
            assertThat(c.readLine()).startsWith("a OK");
            c.startTls(TlsContexts.clientTrusting(fx.tls.defaultChain()));
            var caps = c.ok("CAPABILITY");
            assertThat(caps.get(0)).doesNotContain("STARTTLS").contains("AUTH=SCRAM-SHA-256");
            assertThat(ImapTestClient.last(c.command("SELECT INBOX"))).contains("BAD"); // b was not run
            assertThat(ImapTestClient.last(c.command("STARTTLS"))).contains("BAD");
            c.ok("LOGIN alice@example.com " + ImapFixture.PASSWORD);
        }
    }

    @Test
    void cleartextRefusedUntilTls() throws Exception {
        fx.close();
        fx = new ImapFixture(dir.resolve("tls-only"), dev.yubin.imap.ImapSettings.defaults()
                .withCleartext(dev.yubin.net.auth.CleartextPolicy.NEVER));
        try (ImapTestClient c = fx.connect()) {
            assertThat(c.greeting).contains("LOGINDISABLED").doesNotContain("AUTH=");
            assertThat(ImapTestClient.last(c.command("LOGIN alice@example.com " + ImapFixture.PASSWORD)))
                    .contains("NO [PRIVACYREQUIRED]");
            assertThat(ImapTestClient.last(c.command("AUTHENTICATE PLAIN"))).contains("NO");
            c.ok("STARTTLS");
            c.startTls(TlsContexts.clientTrusting(fx.tls.defaultChain()));
            assertThat(c.ok("CAPABILITY").get(0)).contains("AUTH=PLAIN").doesNotContain("LOGINDISABLED");
            c.ok("LOGIN alice@example.com " + ImapFixture.PASSWORD);
        }
    }

    @Test
    void scramSha256() throws Exception {
        try (ImapTestClient c = fx.connect()) {
            ScramClient scram = new ScramClient("n,,", "alice@example.com", ImapFixture.PASSWORD, "rOprNGfwEbeRWgbNEkqO");
            c.sendLine("a AUTHENTICATE SCRAM-SHA-256 " + Base64.getEncoder().encodeToString(scram.first()));
            byte[] serverFirst = Base64.getDecoder().decode(c.readLine().substring(2));
            c.sendLine(Base64.getEncoder().encodeToString(scram.finalMessage(serverFirst)));
            String serverFinal = new String(Base64.getDecoder().decode(c.readLine().substring(2)), StandardCharsets.UTF_8);
            assertThat(serverFinal).startsWith("v=").isEqualTo(scram.expectedServerSignature());
            c.sendLine("");
            assertThat(ImapTestClient.last(c.until("a"))).startsWith("a OK");
        }
    }

    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }
}
