package dev.yubin.pop3;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapaCommandTest extends Pop3TestBase {
    @Test
    void beforeLoginOnLoopback() throws Exception {
        try (Pop3Client c = f.client()) {
            assertThat(c.command("CAPA")).startsWith("+OK");
            assertThat(c.lines()).containsExactly("TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING", "USER",
                    "SASL SCRAM-SHA-256 PLAIN LOGIN", "STLS", "UTF8 USER", "EXPIRE NEVER", "IMPLEMENTATION Yubin");
        }
    }

    @Test
    void afterLoginLoginCapabilitiesAreGone() throws Exception {
        try (Pop3Client c = f.aliceSession()) {
            assertThat(c.command("CAPA")).startsWith("+OK");
            assertThat(c.lines()).containsExactly("TOP", "UIDL", "RESP-CODES", "AUTH-RESP-CODE", "PIPELINING",
                    "EXPIRE NEVER", "IMPLEMENTATION Yubin");
        }
    }

    @Test
    void overImplicitTlsThereIsNoStls() throws Exception {
        try (Pop3Client c = f.tlsClient()) {
            assertThat(c.greeting).startsWith("+OK");
            c.command("CAPA");
            assertThat(c.lines()).contains("USER", "SASL SCRAM-SHA-256 PLAIN LOGIN").doesNotContain("STLS");
        }
    }
}
