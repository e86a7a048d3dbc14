package dev.yubin.auth.mtasts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.yubin.dns.TlsaRecord;
import dev.yubin.testkit.tls.TestPki;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 7672 §3.1: DANE-EE ignores names and dates; DANE-TA needs a valid chain and the MX name. */
class DaneAuthenticateTest {
    static final TestPki PKI = TestPki.create("Dane TA");

    static TlsaRecord spki(int usage, X509Certificate c) throws Exception {
        return new TlsaRecord(usage, 1, 1, MessageDigest.getInstance("SHA-256").digest(c.getPublicKey().getEncoded()));
    }

    @Test
    void endEntityMatchIgnoresNames() throws Exception {
        TestPki.Issued self = TestPki.selfSigned("whatever.test");
        var v = DaneMatcher.authenticate(List.of(spki(3, self.leaf())), self.chain(), "mx.a.test", Instant.now());
        assertThat(v).isEqualTo(new DaneMatcher.Authenticated(DaneMatcher.Match.END_ENTITY));
    }

    @Test
    void trustAnchorNeedsTheNameAndAValidChain() throws Exception {
        TestPki.Issued good = PKI.issue("mx.a.test");
        TlsaRecord ta = spki(2, PKI.caCertificate());
        assertThat(DaneMatcher.authenticate(List.of(ta), good.chain(), "MX.A.TEST.", Instant.now()))
                .isEqualTo(new DaneMatcher.Authenticated(DaneMatcher.Match.TRUST_ANCHOR));
        assertThat(DaneMatcher.authenticate(List.of(ta), good.chain(), "mx.b.test", Instant.now()))
                .isInstanceOf(DaneMatcher.Rejected.class);
        assertThat(DaneMatcher.authenticate(List.of(ta), PKI.issueExpired("mx.a.test").chain(), "mx.a.test",
                Instant.now())).isInstanceOf(DaneMatcher.Rejected.class);
        TestPki.Issued wildcard = PKI.issue("*.a.test");
        assertThat(DaneMatcher.authenticate(List.of(ta), wildcard.chain(), "mx.a.test", Instant.now()))
                .isInstanceOf(DaneMatcher.Authenticated.class);
        assertThat(DaneMatcher.authenticate(List.of(ta), wildcard.chain(), "x.mx.a.test", Instant.now()))
                .isInstanceOf(DaneMatcher.Rejected.class);
    }

    @Test
    void mismatchAndUnusableRecordsAreRejected() throws Exception {
        TestPki.Issued self = TestPki.selfSigned("mx.a.test");
        TestPki.Issued other = TestPki.selfSigned("mx.a.test");
        assertThat(DaneMatcher.authenticate(List.of(spki(3, other.leaf())), self.chain(), "mx.a.test", Instant.now()))
                .isInstanceOf(DaneMatcher.Rejected.class);
        List<TlsaRecord> pkixOnly = List.of(spki(1, self.leaf()), spki(0, self.leaf()));
        assertThat(DaneMatcher.hasUsable(pkixOnly)).isFalse(); // RFC 7672 §3.1.3
        assertThat(DaneMatcher.authenticate(pkixOnly, self.chain(), "mx.a.test", Instant.now()))
                .isInstanceOf(DaneMatcher.Rejected.class);
    }
}
