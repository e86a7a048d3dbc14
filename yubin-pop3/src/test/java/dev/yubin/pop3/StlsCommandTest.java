package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.net.auth.CleartextPolicy;
import dev.yubin.net.auth.LoginThrottleSettings;
import org.junit.jupiter.api.Test;

class StlsCommandTest extends Pop3TestBase {
    @Test
    void upgradesAndDiscardsPipelinedPlaintext() throws Exception {
        try (Pop3Client c = f.client()) {
            c.send("STLS\r\nUSER " + Pop3Fixture.ALICE + "\r\n");
            assertThat(c.line()).isEqualTo("+OK Begin TLS negotiation now.");
            c.startTls(f.tls.defaultChain());
            // the pipelined USER was discarded: PASS finds no user name
            assertThat(c.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("-ERR No user name");
            assertThat(c.command("STLS")).isEqualTo("-ERR TLS is already active.");
            c.command("CAPA");
            assertThat(c.lines()).doesNotContain("STLS");
            c.command("USER " + Pop3Fixture.ALICE);
            assertThat(c.command("PASS " + Pop3Fixture.PASSWORD)).isEqualTo("+OK Logged in.");
            assertThat(c.command("STLS")).isEqualTo("-ERR Command not valid in this state.");
        }
    }

    @Test
    void withCleartextRefusedLoginNeedsTls() throws Exception {
        f.close();
        f = new Pop3Fixture(dir.resolve("strict"), Pop3Settings.defaults("pop.example.com"), CleartextPolicy.NEVER,
                LoginThrottleSettings.NONE);
        try (Pop3Client c = f.client()) {
            c.command("CAPA");
            assertThat(c.lines()).contains("STLS").doesNotContain("USER", "SASL SCRAM-SHA-256 PLAIN LOGIN");
            assertThat(c.command("USER " + Pop3Fixture.ALICE)).startsWith("-ERR [AUTH] Plaintext authentication disallowed");
            assertThat(c.command("AUTH PLAIN")).startsWith("-ERR [AUTH] Plaintext authentication disallowed");
            assertThat(c.command("STLS")).startsWith("+OK");
            c.startTls(f.tls.defaultChain());
            c.command("CAPA");
            assertThat(c.lines()).contains("USER", "SASL SCRAM-SHA-256 PLAIN LOGIN");
            c.command("USER " + Pop3Fixture.ALICE);
            assertThat(c.command("PASS " + Pop3Fixture.PASSWORD)).isEqualTo("+OK Logged in.");
        }
    }

    @Test
    void implicitTlsSession() throws Exception {
        f.deliver(f.alice, Pop3Fixture.message(1, 2));
        try (Pop3Client c = f.tlsClient()) {
            assertThat(c.secure()).isTrue();
            c.command("USER " + Pop3Fixture.ALICE);
            assertThat(c.command("PASS " + Pop3Fixture.PASSWORD)).startsWith("+OK");
            c.command("RETR 1");
            assertThat(c.lines()).contains("line 2 of message 1");
        }
    }
}
