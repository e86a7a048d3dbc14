package dev.yubin.auth.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.dns.StaticResolver;
import dev.yubin.dns.TlsaRecord;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;

class MtaStsAndDaneTest {

    @Test
    void parsesPoliciesAndMatchesMxHosts() {
        MtaStsPolicy p = MtaStsPolicy.parse("version: STSv1\r\nmode: enforce\r\nmx: mail.example.com\r\n"
                + "mx: *.example.net\r\nmax_age: 604800\r\nextension: ignored\r\n").orElseThrow();
        assertThat(p.mode()).isEqualTo(MtaStsPolicy.Mode.ENFORCE);
        assertThat(p.maxAgeSeconds()).isEqualTo(604800);
        assertThat(p.permits("MAIL.example.com.")).isTrue();
        assertThat(p.permits("mx1.example.net")).isTrue();
        assertThat(p.permits("a.b.example.net")).isFalse(); // RFC 8461 §4.1: one label only
        assertThat(p.permits("example.net")).isFalse();
        assertThat(p.permits("evil.example.com")).isFalse();
        assertThat(MtaStsPolicy.parse("version: STSv1\nmode: testing\nmx: a.example\nmax_age: 86400\n")).isPresent();
    }

    @Test
    void invalidPoliciesCountAsAbsent() {
        assertThat(MtaStsPolicy.parse("version: STSv2\nmode: enforce\nmx: a.example\nmax_age: 1\n")).isEmpty();
        assertThat(MtaStsPolicy.parse("version: STSv1\nmode: strict\nmx: a.example\nmax_age: 1\n")).isEmpty();
        assertThat(MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmax_age: 1\n")).isEmpty();
        assertThat(MtaStsPolicy.parse("version: STSv1\nmode: enforce\nmx: a.example\nmax_age: 99999999999\n")).isEmpty();
        assertThat(MtaStsPolicy.parse("<html>not found</html>")).isEmpty();
        assertThat(MtaStsPolicy.parse("version: STSv1\nmode: none\nmax_age: 86400\n")).isPresent();
    }

    @Test
    void txtRecords() {
        StaticResolver dns = StaticResolver.builder()
                .txt("_mta-sts.good.example", "v=STSv1; id=20261125T1200;")
                .txt("_mta-sts.two.example", "v=STSv1; id=a1").txt("_mta-sts.two.example", "v=STSv1; id=a2")
                .txt("_mta-sts.bad.example", "v=STSv1; id=has-dash")
                .timeout("_mta-sts.slow.example")
                .build();
        assertThat(MtaStsRecord.lookup(dns, "good.example")).isEqualTo(new MtaStsRecord.Found(new MtaStsRecord("20261125T1200")));
        assertThat(MtaStsRecord.lookup(dns, "two.example")).isInstanceOf(MtaStsRecord.Absent.class);
        assertThat(MtaStsRecord.lookup(dns, "bad.example")).isInstanceOf(MtaStsRecord.Absent.class);
        assertThat(MtaStsRecord.lookup(dns, "none.example")).isInstanceOf(MtaStsRecord.Absent.class);
        assertThat(MtaStsRecord.lookup(dns, "slow.example")).isInstanceOf(MtaStsRecord.Failed.class);
    }

    @Test
    void daneMatching() throws Exception {
        KeyPair caKey = rsa();
        KeyPair leafKey = rsa();
        X509Certificate ca = cert("CN=Test CA", "CN=Test CA", caKey, caKey);
        X509Certificate leaf = cert("CN=mx.example", "CN=Test CA", leafKey, caKey);
        List<X509Certificate> chain = List.of(leaf, ca);
        byte[] leafSpkiSha256 = MessageDigest.getInstance("SHA-256").digest(leaf.getPublicKey().getEncoded());
        byte[] caCertSha512 = MessageDigest.getInstance("SHA-512").digest(ca.getEncoded());
        assertThat(DaneMatcher.match(List.of(new TlsaRecord(3, 1, 1, leafSpkiSha256)), chain))
                .isEqualTo(DaneMatcher.Match.END_ENTITY);
        assertThat(DaneMatcher.match(List.of(new TlsaRecord(3, 0, 0, leaf.getEncoded())), chain))
                .isEqualTo(DaneMatcher.Match.END_ENTITY);
        assertThat(DaneMatcher.match(List.of(new TlsaRecord(2, 0, 2, caCertSha512)), chain))
                .isEqualTo(DaneMatcher.Match.TRUST_ANCHOR);
        assertThat(DaneMatcher.match(List.of(new TlsaRecord(3, 1, 1, new byte[32])), chain))
                .isEqualTo(DaneMatcher.Match.NONE);
        assertThat(DaneMatcher.match(List.of(new TlsaRecord(1, 1, 1, leafSpkiSha256)), chain))
                .isEqualTo(DaneMatcher.Match.UNUSABLE); // PKIX-EE is not for SMTP
        assertThat(DaneMatcher.match(List.of(new TlsaRecord(2, 0, 2, caCertSha512)), List.of(leaf)))
                .isEqualTo(DaneMatcher.Match.NONE); // the trust anchor must be in the chain
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        return g.generateKeyPair();
    }

    private static X509Certificate cert(String subject, String issuer, KeyPair subjectKey, KeyPair issuerKey) throws Exception {
        Date now = new Date();
        var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(now.getTime()),
                new Date(now.getTime() - 60_000), new Date(now.getTime() + 86_400_000L), new X500Name(subject),
                subjectKey.getPublic());
        var signer = new JcaContentSignerBuilder("SHA256withRSA").build(issuerKey.getPrivate());
        return new JcaX509CertificateConverter().getCertificate(builder.build(signer));
    }
}
