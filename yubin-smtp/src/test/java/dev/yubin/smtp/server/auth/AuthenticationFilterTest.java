package dev.yubin.smtp.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.auth.MessageAuthenticator;
import dev.yubin.auth.dkim.DkimKeys;
import dev.yubin.auth.dkim.DkimSigner;
import dev.yubin.auth.dkim.DkimSigningKey;
import dev.yubin.smtp.server.SmtpFixture;
import dev.yubin.smtp.server.SmtpSettings;
import dev.yubin.testkit.dns.TestDnsServer;
import dev.yubin.testkit.smtp.SmtpTestClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end: the MX with the authentication filter, the in-process DNS server publishing SPF,
 * DKIM and DMARC for made-up domains, a real SMTP client over a socket.
 */
class AuthenticationFilterTest {
    @TempDir
    Path dir;
    TestDnsServer dns;
    SmtpFixture fx;
    DkimSigner signer;

    @BeforeEach
    void start() throws Exception {
        dns = TestDnsServer.start();
        KeyPair key = DkimKeys.generateEd25519();
        dns.txt("sender.test", "v=spf1 ip4:127.0.0.1 -all")
                .txt("sel._domainkey.sender.test", DkimKeys.dnsRecord(key.getPublic()))
                .txt("_dmarc.sender.test", "v=DMARC1; p=reject")
                .txt("_dmarc.careful.test", "v=DMARC1; p=quarantine");
        signer = new DkimSigner(List.of(new DkimSigningKey("sender.test", "sel", key.getPrivate())), Clock.systemUTC());
        MessageAuthenticator authenticator = new MessageAuthenticator(dns.resolver(), "mx.example.com");
        fx = SmtpFixture.start(dir, SmtpSettings.builder().hostname("mx.example.com").build(),
                List.of(new AuthenticationFilter(authenticator, "mx.example.com")), 100);
    }

    @AfterEach
    void stop() {
        fx.close();
        dns.close();
    }

    private String signed(String message) {
        return signer.sign(message.getBytes(StandardCharsets.UTF_8)) + message;
    }

    @Test
    void goodMessagePassesAndForgedResultsAreRemoved() throws Exception {
        String message = signed("""
                From: News <news@sender.test>\r
                To: alice@example.com\r
                Subject: authentic\r
                Date: Wed, 25 Nov 2026 10:00:00 +0000\r
                Message-ID: <1@sender.test>\r
                \r
                Hello.\r
                """);
        String forged = "Authentication-Results: mx.example.com; dkim=pass header.d=bank.test\r\n"
                + "Authentication-Results: other.example; spf=fail\r\n";
        try (SmtpTestClient c = fx.greeted()) {
            assertThat(c.send("news@sender.test", List.of("alice@example.com"), forged + message).code()).isEqualTo(250);
        }
        String stored = fx.text(fx.inbox("alice@example.com").get(0));
        assertThat(stored).containsPattern("Authentication-Results: mx\\.example\\.com;[\\s\\S]*spf=pass")
                .containsPattern("dkim=pass").containsPattern("dmarc=pass")
                .doesNotContain("header.d=bank.test")
                .contains("Authentication-Results: other.example; spf=fail");
        assertThat(stored.split("Authentication-Results: mx\\.example\\.com", -1)).hasSize(2);
    }

    @Test
    void spoofedFromUnderRejectIsRefused() throws Exception {
        String message = """
                From: CEO <ceo@sender.test>\r
                To: alice@example.com\r
                Subject: wire the money\r
                \r
                Now.\r
                """;
        try (SmtpTestClient c = fx.greeted()) {
            SmtpTestClient.Reply r = c.send("attacker@elsewhere.test", List.of("alice@example.com"), message);
            assertThat(r.code()).isEqualTo(550);
            assertThat(r.full()).contains("5.7.1");
        }
        assertThat(fx.inbox("alice@example.com")).isEmpty();
    }

    @Test
    void quarantinePolicyDeliversToJunk() throws Exception {
        String message = """
                From: someone@careful.test\r
                To: alice@example.com\r
                Subject: maybe\r
                \r
                Hm.\r
                """;
        try (SmtpTestClient c = fx.greeted()) {
            assertThat(c.send("x@elsewhere.test", List.of("alice@example.com"), message).code()).isEqualTo(250);
        }
        assertThat(fx.inbox("alice@example.com")).isEmpty();
        assertThat(fx.text(fx.folder("alice@example.com", "Junk").get(0))).contains("dmarc=fail");
    }
}
