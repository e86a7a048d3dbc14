package dev.yubin.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.auth.AuthVerdict.Disposition;
import dev.yubin.auth.dkim.DkimKeys;
import dev.yubin.auth.dkim.DkimSigner;
import dev.yubin.auth.dkim.DkimSigningKey;
import dev.yubin.testkit.dns.TestDnsServer;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** SPF, DKIM and DMARC together, resolving through the in-process DNS server and dnsjava. */
class MessageAuthenticatorTest {

    static TestDnsServer dns;
    static KeyPair ed;
    static KeyPair rsa;
    static MessageAuthenticator auth;

    @BeforeAll
    static void setUp() throws Exception {
        ed = DkimKeys.generateEd25519();
        rsa = DkimKeys.generateRsa2048();
        dns = TestDnsServer.start()
                .txt("sender.example", "v=spf1 ip4:192.0.2.10 -all")
                .txt("e1._domainkey.sender.example", DkimKeys.dnsRecord(ed.getPublic()))
                .txt("r1._domainkey.sender.example", DkimKeys.dnsRecord(rsa.getPublic()))
                .txt("_dmarc.sender.example", "v=DMARC1; p=reject; rua=mailto:dmarc@sender.example")
                .txt("quarantined.example", "v=spf1 -all")
                .txt("_dmarc.quarantined.example", "v=DMARC1; p=quarantine");
        auth = new MessageAuthenticator(dns.resolver(), "mx.yubin.test");
    }

    @AfterAll
    static void tearDown() {
        dns.close();
    }

    static final String MESSAGE = String.join("\r\n",
            "Authentication-Results: MX.yubin.test; dkim=pass header.d=sender.example; dmarc=pass",
            "Authentication-Results: other.example; spf=pass",
            "From: Sender <alice@sender.example>",
            "To: bob@yubin.test",
            "Subject: hello",
            "Date: Wed, 25 Nov 2026 12:00:00 +0000",
            "Message-ID: <a1@sender.example>",
            "",
            "Hello Bob.",
            "");

    static byte[] signed(String message) {
        DkimSigner signer = new DkimSigner(List.of(new DkimSigningKey("sender.example", "e1", ed.getPrivate()),
                new DkimSigningKey("sender.example", "r1", rsa.getPrivate())), Clock.systemUTC());
        byte[] m = message.getBytes(StandardCharsets.UTF_8);
        return (signer.sign(m) + message).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void goodMessagePassesEverything() throws Exception {
        AuthVerdict v = auth.evaluate(InetAddress.getByName("192.0.2.10"), "mail.sender.example",
                "bounce@sender.example", signed(MESSAGE));
        assertThat(v.disposition()).isEqualTo(Disposition.ACCEPT);
        assertThat(v.authenticationResults())
                .startsWith("Authentication-Results: mx.yubin.test;\r\n\tspf=pass")
                .contains("smtp.mailfrom=bounce@sender.example")
                .contains("dkim=pass header.d=sender.example header.s=e1 header.a=ed25519-sha256")
                .contains("header.s=r1 header.a=rsa-sha256")
                .contains("dmarc=pass (p=reject dis=accept) header.from=sender.example;\r\n\tarc=none")
                .endsWith("\r\n");
        assertThat(v.headerField()).isEqualTo(v.authenticationResults().substring(0, v.authenticationResults().length() - 2));
        assertThat(v.methodResults()).startsWith("spf=pass (ip4:192.0.2.10) smtp.mailfrom=bounce@sender.example; dkim=pass");
        var forged = RawMessage.parse(MESSAGE.getBytes(StandardCharsets.UTF_8)).headers();
        AuthenticationResults ar = new AuthenticationResults("mx.yubin.test");
        assertThat(forged.stream().filter(ar::claimsOurId)).hasSize(1);
        String stamped = new String(v.stamp(signed(MESSAGE)), StandardCharsets.UTF_8);
        assertThat(stamped).startsWith(v.authenticationResults())
                .doesNotContain("MX.yubin.test; dkim=pass")
                .contains("Authentication-Results: other.example; spf=pass");
    }

    @Test
    void spoofedMessageUnderPRejectIsRefused() throws Exception {
        byte[] forged = MESSAGE.getBytes(StandardCharsets.UTF_8);
        AuthVerdict v = auth.evaluate(InetAddress.getByName("203.0.113.9"), "evil.example", "x@evil.example", forged);
        assertThat(v.disposition()).isEqualTo(Disposition.REJECT);
        assertThat(v.reason()).contains("sender.example");
        assertThat(v.authenticationResults()).contains("spf=none").contains("dkim=none").contains("dmarc=fail");
    }

    @Test
    void signedThenAlteredFailsDkimButAlignedSpfStillPassesDmarc() throws Exception {
        String altered = new String(signed(MESSAGE), StandardCharsets.UTF_8).replace("Hello Bob.", "Pay me.");
        AuthVerdict v = auth.evaluate(InetAddress.getByName("192.0.2.10"), "mail.sender.example",
                "bounce@sender.example", altered.getBytes(StandardCharsets.UTF_8));
        assertThat(v.dkim()).noneMatch(r -> r.isPass());
        assertThat(v.disposition()).isEqualTo(Disposition.ACCEPT);
        assertThat(v.dmarc().spfAligned()).isTrue();
    }

    @Test
    void quarantinePolicyAndNullSender() throws Exception {
        String m = MESSAGE.replace("alice@sender.example", "alice@quarantined.example");
        AuthVerdict v = auth.evaluate(InetAddress.getByName("192.0.2.10"), "quarantined.example", "",
                m.getBytes(StandardCharsets.UTF_8));
        assertThat(v.spf().keyword()).isEqualTo("fail");
        assertThat(v.authenticationResults()).contains("smtp.helo=quarantined.example");
        assertThat(v.disposition()).isEqualTo(Disposition.QUARANTINE);
    }

    @Test
    void duplicateFromIsRejected() throws Exception {
        String m = MESSAGE.replace("From: Sender <alice@sender.example>",
                "From: Sender <alice@sender.example>\r\nFrom: <admin@bank.example>");
        AuthVerdict v = auth.evaluate(InetAddress.getByName("192.0.2.10"), "mail.sender.example",
                "bounce@sender.example", signed(m));
        assertThat(v.disposition()).isEqualTo(Disposition.REJECT);
        assertThat(v.authenticationResults()).contains("dmarc=permerror");
    }

    @Test
    void spfCheckedAtMailTimeIsReused() throws Exception {
        InetAddress ip = InetAddress.getByName("192.0.2.10");
        var spf = auth.checkSpf(ip, "mail.sender.example", "bounce@sender.example");
        AuthVerdict v = auth.evaluate(ip, "mail.sender.example", "bounce@sender.example", signed(MESSAGE), spf);
        assertThat(v.spf()).isSameAs(spf);
        assertThat(v.dmarc().status().keyword()).isEqualTo("pass");
    }

    @Test
    void monitorModeNeverRefuses() throws Exception {
        MessageAuthenticator monitor = new MessageAuthenticator(dns.resolver(), new AuthSettings("mx.yubin.test",
                AuthSettings.DmarcEnforcement.MONITOR, dev.yubin.auth.spf.SpfLimits.RFC7208,
                dev.yubin.auth.dkim.DkimVerifier.Limits.DEFAULT), Clock.systemUTC());
        AuthVerdict v = monitor.evaluate(InetAddress.getByName("203.0.113.9"), "evil.example", "x@evil.example",
                MESSAGE.getBytes(StandardCharsets.UTF_8));
        assertThat(v.disposition()).isEqualTo(Disposition.ACCEPT);
        assertThat(v.dmarc().status().keyword()).isEqualTo("fail");
    }
}
