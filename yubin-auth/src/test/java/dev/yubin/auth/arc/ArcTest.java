package dev.yubin.auth.arc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.auth.RawMessage;
import dev.yubin.auth.dkim.DkimKeys;
import dev.yubin.auth.dkim.DkimSigningKey;
import dev.yubin.dns.StaticResolver;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ArcTest {

    static KeyPair ed;
    static KeyPair rsa;
    static StaticResolver dns;
    static ArcSealer first;
    static ArcSealer second;

    static final String MESSAGE = String.join("\r\n",
            "From: alice@origin.example",
            "To: list@forwarder.example",
            "Subject: ARC",
            "Date: Wed, 25 Nov 2026 12:00:00 +0000",
            "",
            "Forwarded twice.",
            "");

    @BeforeAll
    static void setUp() {
        ed = DkimKeys.generateEd25519();
        rsa = DkimKeys.generateRsa2048();
        dns = StaticResolver.builder()
                .txt("arc._domainkey.forwarder.example", DkimKeys.dnsRecord(ed.getPublic()))
                .txt("arc._domainkey.relay.example", DkimKeys.dnsRecord(rsa.getPublic()))
                .build();
        first = new ArcSealer(new DkimSigningKey("forwarder.example", "arc", ed.getPrivate()), "mx.forwarder.example",
                Clock.systemUTC());
        second = new ArcSealer(new DkimSigningKey("relay.example", "arc", rsa.getPrivate()), "mx.relay.example",
                Clock.systemUTC());
    }

    private static ArcResult verify(String m) {
        return new ArcVerifier(dns).verify(RawMessage.parse(m.getBytes(StandardCharsets.UTF_8)));
    }

    private static String sealWith(ArcSealer sealer, String m) {
        ArcResult chain = verify(m);
        return sealer.seal(m.getBytes(StandardCharsets.UTF_8), chain, "spf=pass smtp.mailfrom=alice@origin.example")
                .orElseThrow() + m;
    }

    @Test
    void noChainIsNone() {
        assertThat(verify(MESSAGE).status()).isEqualTo(ArcResult.Status.NONE);
    }

    @Test
    void sealedOnceAndTwicePasses() {
        String once = sealWith(first, MESSAGE);
        assertThat(once).contains("ARC-Seal: i=1; a=ed25519-sha256; d=forwarder.example; s=arc;").contains("cv=none");
        ArcResult r1 = verify(once);
        assertThat(r1.status()).as(r1.reason()).isEqualTo(ArcResult.Status.PASS);
        assertThat(r1.lastSealer()).isEqualTo("forwarder.example");
        String twice = sealWith(second, once);
        ArcResult r2 = verify(twice);
        assertThat(twice).contains("ARC-Seal: i=2; a=rsa-sha256").contains("cv=pass");
        assertThat(r2.status()).as(r2.reason()).isEqualTo(ArcResult.Status.PASS);
        assertThat(r2.instances()).isEqualTo(2);
    }

    @Test
    void aForwarderMayChangeTheMessageBeforeSealing() {
        String withFooter = MESSAGE.replace("Forwarded twice.", "Forwarded twice.\r\n-- list footer");
        String sealed = sealWith(first, withFooter);
        assertThat(verify(sealed).status()).isEqualTo(ArcResult.Status.PASS);
        assertThat(verify(sealWith(second, sealed)).status()).isEqualTo(ArcResult.Status.PASS);
    }

    @Test
    void tamperingBreaksTheChain() {
        String once = sealWith(first, MESSAGE);
        assertThat(verify(once.replace("Forwarded twice.", "Changed.")).status()).isEqualTo(ArcResult.Status.FAIL);
        assertThat(verify(once.replace("i=1; mx.forwarder.example", "i=1; mx.other.example")).status())
                .isEqualTo(ArcResult.Status.FAIL);
        String missingSeal = once.replaceFirst("ARC-Seal: [^\\n]*\\n(\\t[^\\n]*\\n)*", "");
        assertThat(verify(missingSeal).status()).isEqualTo(ArcResult.Status.FAIL);
    }

    @Test
    void failedChainIsSealedWithCvFailThenNeverAgain() {
        String broken = sealWith(first, MESSAGE).replace("Forwarded twice.", "Changed.");
        ArcResult r = verify(broken);
        assertThat(r.status()).isEqualTo(ArcResult.Status.FAIL);
        String sealedFail = second.seal(broken.getBytes(StandardCharsets.UTF_8), r, "arc=fail").orElseThrow() + broken;
        assertThat(sealedFail).contains("cv=fail");
        ArcResult after = verify(sealedFail);
        assertThat(after.status()).isEqualTo(ArcResult.Status.FAIL);
        assertThat(second.seal(sealedFail.getBytes(StandardCharsets.UTF_8), after, "arc=fail")).isEmpty();
    }

    @Test
    void sealWithRecordedVerdictCopiesOurResultsAndTakesCvFromThem() {
        String stamped = "Authentication-Results: mx.other.example; dmarc=fail\r\n"
                + "Authentication-Results: mx.forwarder.example;\r\n\tspf=pass smtp.mailfrom=alice@origin.example;\r\n"
                + "\tdmarc=pass header.from=origin.example;\r\n\tarc=none\r\n" + MESSAGE;
        String sealed = first.sealWithRecordedVerdict(stamped.getBytes(StandardCharsets.UTF_8)).orElseThrow() + stamped;
        assertThat(sealed).contains("cv=none").contains("ARC-Authentication-Results: i=1; mx.forwarder.example;\r\n\t"
                + "spf=pass smtp.mailfrom=alice@origin.example;\r\n\tdmarc=pass");
        ArcResult r = verify(sealed);
        assertThat(r.status()).as(r.reason()).isEqualTo(ArcResult.Status.PASS);
        assertThat(r.vouchesForDmarc(java.util.Set.of("forwarder.example"))).isTrue();
        assertThat(r.vouchesForDmarc(java.util.Set.of("elsewhere.example"))).isFalse();
        // without a verdict of ours there is nothing to vouch for
        assertThat(first.sealWithRecordedVerdict(MESSAGE.getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aChainFailingHereIsSealedOverOurSetOnly() {
        String broken = sealWith(first, MESSAGE).replace("Forwarded twice.", "Changed.");
        String stamped = "Authentication-Results: mx.relay.example; arc=fail\r\n" + broken;
        String sealed = second.sealWithRecordedVerdict(stamped.getBytes(StandardCharsets.UTF_8)).orElseThrow();
        assertThat(sealed).contains("ARC-Seal: i=2;").contains("cv=fail");
    }
}
