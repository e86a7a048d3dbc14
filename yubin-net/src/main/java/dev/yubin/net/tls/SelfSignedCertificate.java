package dev.yubin.net.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fallback certificate when none is configured: an ECDSA P-256 key and a self-signed
 * certificate with the host name as CN and subjectAltName, generated once and kept in
 * {@code DATA/tls/self-signed-cert.pem} and {@code DATA/tls/self-signed-key.pem} (mode 0600) so
 * restarts (and clients that pinned it) see the same certificate. Regenerated only when missing
 * or within 30 days of expiry.
 */
public final class SelfSignedCertificate {
    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);
    private static final Duration VALIDITY = Duration.ofDays(3650);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private SelfSignedCertificate() {
    }

    /** Where the generated files live for this data directory. */
    public static CertificateFiles files(Path dataDir) {
        Path dir = dataDir.resolve("tls");
        return new CertificateFiles(dir.resolve("self-signed-cert.pem"), dir.resolve("self-signed-key.pem"));
    }

    /** Loads the persisted certificate, or generates and persists one. */
    public static KeyMaterial loadOrCreate(Path dataDir, String hostname) {
        CertificateFiles files = files(dataDir);
        if (Files.exists(files.chain()) && Files.exists(files.key())) {
            KeyMaterial m = PemFiles.load(files);
            Instant renewAt = m.leaf().getNotAfter().toInstant().minus(RENEW_BEFORE);
            boolean sameHost = m.leaf().getSubjectX500Principal().getName().equals("CN=" + hostname);
            if (Instant.now().isBefore(renewAt) && sameHost) {
                return m;
            }
            LOG.info("event=tls.self_signed_replaced path={} reason={}", files.chain(),
                    sameHost ? "expiring" : "hostname_changed");
        }
        KeyMaterial m = generate(hostname);
        persist(m, files);
        LOG.info("event=tls.self_signed_created host={} path={}", hostname, files.chain());
        return m;
    }

    /** Generates a fresh key and certificate (not persisted). */
    public static KeyMaterial generate(String hostname) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair kp = g.generateKeyPair();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, hostname).build();
            Instant now = Instant.now();
            BigInteger serial = new BigInteger(127, new SecureRandom());
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(name, serial,
                    Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(VALIDITY)), name, kp.getPublic());
            GeneralName san = isIpLiteral(hostname) ? new GeneralName(GeneralName.iPAddress, hostname)
                    : new GeneralName(GeneralName.dNSName, hostname);
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509Certificate cert = new JcaX509CertificateConverter()
                    .getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(kp.getPrivate())));
            return new KeyMaterial(kp.getPrivate(), List.of(cert));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new TlsSetupException("cannot generate a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static boolean isIpLiteral(String host) {
        return host.matches("[0-9.]+") || host.contains(":");
    }

    private static void persist(KeyMaterial m, CertificateFiles files) {
        try {
            Path dir = files.key().getParent();
            Files.createDirectories(dir);
            trySetPermissions(dir, "rwx------");
            // key first: a certificate file never exists without its key
            writeAtomically(files.key(), PemFiles.pkcs8Pem(m.key()), "rw-------");
            writeAtomically(files.chain(), PemFiles.toPem(m.chain().toArray()), "rw-r--r--");
        } catch (IOException e) {
            throw new TlsSetupException("cannot write self-signed certificate under " + files.key().getParent()
                    + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path target, String text, String perms) throws IOException {
        // a unique temporary name: the server and a CLI command may both generate at first start
        Path tmp = target.resolveSibling(target.getFileName() + "." + Long.toHexString(new SecureRandom().nextLong())
                + ".tmp");
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(perms)));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)));
            ch.force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        try (FileChannel d = FileChannel.open(target.getParent(), StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException ignored) {
            // some file systems cannot fsync a directory; the rename is still atomic
        }
    }

    private static void trySetPermissions(Path p, String perms) {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
        } catch (UnsupportedOperationException | IOException ignored) {
            // non-POSIX file system
        }
    }
}
