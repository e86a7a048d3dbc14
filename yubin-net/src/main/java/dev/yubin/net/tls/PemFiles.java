package dev.yubin.net.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads and writes PEM certificate chains and private keys (RSA or EC) with Bouncy Castle's
 * parser, converting to JDK key objects (so the JDK's TLS provider uses them directly).
 */
public final class PemFiles {
    private PemFiles() {
    }

    /** Loads the chain and key and checks that the key belongs to the leaf certificate. */
    public static KeyMaterial load(CertificateFiles files) {
        List<X509Certificate> chain = readChain(files.chain());
        PrivateKey key = readKey(files.key());
        KeyMaterial m = new KeyMaterial(key, chain);
        checkPair(m, files);
        return m;
    }

    static List<X509Certificate> readChain(Path path) {
        List<X509Certificate> certs = new ArrayList<>();
        JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o;
            while ((o = p.readObject()) != null) {
                if (o instanceof X509CertificateHolder h) {
                    certs.add(conv.getCertificate(h));
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsSetupException("cannot read certificate chain " + path + ": " + e.getMessage(), e);
        }
        if (certs.isEmpty()) {
            throw new TlsSetupException("no PEM certificate in " + path);
        }
        return certs;
    }

    static PrivateKey readKey(Path path) {
        JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            Object o;
            ASN1ObjectIdentifier ecCurve = null;
            while ((o = p.readObject()) != null) {
                if (o instanceof PEMKeyPair kp) {
                    PrivateKeyInfo info = kp.getPrivateKeyInfo(); // PKCS#1 RSA or SEC1 EC
                    if (info.getPrivateKeyAlgorithm().getParameters() == null && ecCurve != null) {
                        // SEC1 key without its curve inside: take the preceding "EC PARAMETERS" block
                        info = new PrivateKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, ecCurve),
                                info.parsePrivateKey());
                    }
                    return conv.getPrivateKey(info);
                }
                if (o instanceof ASN1ObjectIdentifier curve) {
                    ecCurve = curve;
                    continue;
                }
                if (o instanceof PrivateKeyInfo info) {
                    return conv.getPrivateKey(info); // PKCS#8
                }
                if (o instanceof PEMEncryptedKeyPair || o instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new TlsSetupException("encrypted private key in " + path + " is not supported");
                }
            }
        } catch (IOException e) {
            throw new TlsSetupException("cannot read private key " + path + ": " + e.getMessage(), e);
        }
        throw new TlsSetupException("no PEM private key in " + path);
    }

    private static void checkPair(KeyMaterial m, CertificateFiles files) {
        try {
            String alg = switch (m.key().getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                default -> throw new TlsSetupException("unsupported key algorithm " + m.key().getAlgorithm()
                        + " in " + files.key() + " (RSA or EC)");
            };
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature s = Signature.getInstance(alg);
            s.initSign(m.key());
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(m.leaf().getPublicKey());
            v.update(probe);
            if (!v.verify(sig)) {
                throw new TlsSetupException("private key " + files.key() + " does not match certificate " + files.chain());
            }
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("private key " + files.key() + " does not match certificate "
                    + files.chain() + ": " + e.getMessage(), e);
        }
    }

    /** PKCS#8 PEM ("PRIVATE KEY") of an unencrypted private key. */
    public static String pkcs8Pem(PrivateKey key) {
        try {
            return toPem(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null).generate());
        } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
            throw new TlsSetupException("cannot encode private key: " + e.getMessage(), e);
        }
    }

    /** PEM text of certificates or keys (a JDK private key is written in its traditional form). */
    public static String toPem(Object... objects) {
        StringWriter sw = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(sw)) {
            for (Object o : objects) {
                w.writeObject(o);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sw.toString();
    }
}
