package dev.yubin.net.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Writes test certificates as PEM files. */
final class TlsTestSupport {
    private TlsTestSupport() {
    }

    /** An EC certificate for {@code host}, key in PKCS#8 form. */
    static CertificateFiles ecFiles(Path dir, String host) throws IOException {
        KeyMaterial m = SelfSignedCertificate.generate(host);
        Path chain = dir.resolve(host + ".crt");
        Path key = dir.resolve(host + ".key");
        Files.writeString(chain, PemFiles.toPem(m.chain().toArray()));
        Files.writeString(key, PemFiles.pkcs8Pem(m.key()));
        return new CertificateFiles(chain, key);
    }

    /** An EC key and certificate made by the openssl command (SEC1 key with EC PARAMETERS); null without openssl. */
    static CertificateFiles opensslEcFiles(Path dir, String host) throws Exception {
        Path key = dir.resolve(host + ".key");
        Path chain = dir.resolve(host + ".crt");
        if (!run(dir, "openssl", "ecparam", "-name", "prime256v1", "-genkey", "-out", key.toString())
                || !run(dir, "openssl", "req", "-new", "-x509", "-key", key.toString(), "-out", chain.toString(),
                        "-subj", "/CN=" + host, "-days", "2")) {
            return null;
        }
        return new CertificateFiles(chain, key);
    }

    private static boolean run(Path dir, String... cmd) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            return false;
        }
        p.getInputStream().readAllBytes();
        if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return false;
        }
        return p.exitValue() == 0;
    }

    /** An RSA certificate for {@code host}, key in PKCS#8 ("PRIVATE KEY") or PKCS#1 form. */
    static CertificateFiles rsaFiles(Path dir, String host, boolean pkcs8) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(2048);
        KeyPair kp = g.generateKeyPair();
        X500Name name = new X500Name("CN=" + host);
        X509Certificate cert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.TEN, Date.from(Instant.now().minus(Duration.ofHours(1))),
                Date.from(Instant.now().plus(Duration.ofDays(2))), name, kp.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate())));
        Path chain = dir.resolve(host + ".crt");
        Path key = dir.resolve(host + ".key");
        Files.writeString(chain, PemFiles.toPem(cert));
        Files.writeString(key, pkcs8 ? PemFiles.toPem(new JcaPKCS8Generator(kp.getPrivate(), null).generate())
                : PemFiles.toPem(kp.getPrivate()));
        return new CertificateFiles(chain, key);
    }

    static String cn(X509Certificate c) {
        return c.getSubjectX500Principal().getName();
    }

    static List<X509Certificate> chain(CertificateFiles f) {
        return PemFiles.load(f).chain();
    }
}
