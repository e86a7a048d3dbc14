package dev.yubin.testkit.tls;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away certificate authority for TLS tests: issues ECDSA P-256 server certificates for
 * DNS names, gives the trust manager and client context that trust it, and makes self-signed
 * certificates (for DANE-EE tests, where no CA is involved).
 */
public final class TestPki {

    /** A key with its chain (leaf first), ready to serve TLS. */
    public record Issued(PrivateKey key, List<X509Certificate> chain) {
        public Issued {
            chain = List.copyOf(chain);
        }

        public X509Certificate leaf() {
            return chain.get(0);
        }

        /** A server-side context presenting this chain. */
        public SSLContext serverContext() {
            try {
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("server", key, new char[0], chain.toArray(new X509Certificate[0]));
                KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, new char[0]);
                SSLContext c = SSLContext.getInstance("TLS");
                c.init(kmf.getKeyManagers(), null, null);
                return c;
            } catch (GeneralSecurityException | java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final KeyPair caKeys;
    private final X509Certificate ca;

    private TestPki(String caName) {
        this.caKeys = keyPair();
        this.ca = certificate(new X500Name("CN=" + caName), caKeys, new X500Name("CN=" + caName), caKeys.getPrivate(),
                true, List.of(), Instant.now().plus(Duration.ofDays(30)));
    }

    public static TestPki create(String caName) {
        return new TestPki(caName);
    }

    public X509Certificate caCertificate() {
        return ca;
    }

    /** A server certificate for {@code dnsNames} (the first is the CN), valid for 30 days, with the CA in its chain. */
    public Issued issue(String... dnsNames) {
        KeyPair kp = keyPair();
        X509Certificate leaf = certificate(new X500Name("CN=" + dnsNames[0]), kp, new X500Name("CN=" + caName()),
                caKeys.getPrivate(), false, Arrays.asList(dnsNames), Instant.now().plus(Duration.ofDays(30)));
        return new Issued(kp.getPrivate(), List.of(leaf, ca));
    }

    /** A server certificate like {@link #issue} that expired yesterday. */
    public Issued issueExpired(String... dnsNames) {
        KeyPair kp = keyPair();
        X509Certificate leaf = certificate(new X500Name("CN=" + dnsNames[0]), kp, new X500Name("CN=" + caName()),
                caKeys.getPrivate(), false, Arrays.asList(dnsNames), Instant.now().minus(Duration.ofDays(1)));
        return new Issued(kp.getPrivate(), List.of(leaf, ca));
    }

    /** A self-signed server certificate for {@code dnsNames}, trusted by no one. */
    public static Issued selfSigned(String... dnsNames) {
        KeyPair kp = keyPair();
        X500Name name = new X500Name("CN=" + dnsNames[0]);
        return new Issued(kp.getPrivate(), List.of(certificate(name, kp, name, kp.getPrivate(), false,
                Arrays.asList(dnsNames), Instant.now().plus(Duration.ofDays(30)))));
    }

    /** A PKIX trust manager whose only anchor is this CA. */
    public X509TrustManager trustManager() {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setCertificateEntry("ca", ca);
            TrustManagerFactory f = TrustManagerFactory.getInstance("PKIX");
            f.init(ks);
            for (TrustManager t : f.getTrustManagers()) {
                if (t instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("no X509 trust manager");
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A client-side context that trusts this CA only. */
    public SSLContext clientContext() {
        try {
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {trustManager()}, null);
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private String caName() {
        return ca.getSubjectX500Principal().getName().substring(3);
    }

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509Certificate certificate(X500Name subject, KeyPair subjectKeys, X500Name issuer,
                                               PrivateKey issuerKey, boolean isCa, List<String> dnsNames,
                                               Instant notAfter) {
        try {
            Instant now = Instant.now();
            var b = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(Duration.ofDays(2))), Date.from(notAfter), subject, subjectKeys.getPublic());
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(isCa ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                    : KeyUsage.digitalSignature));
            if (!dnsNames.isEmpty()) {
                b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
                        .map(n -> new GeneralName(GeneralName.dNSName, n)).toArray(GeneralName[]::new)));
            }
            return new JcaX509CertificateConverter().getCertificate(
                    b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey)));
        } catch (Exception e) {
            throw new IllegalStateException("cannot make a test certificate", e);
        }
    }
}
