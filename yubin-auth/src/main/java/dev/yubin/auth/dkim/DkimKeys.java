package dev.yubin.auth.dkim;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Key helpers for DKIM operators: generation (RSA-2048, Ed25519), PKCS#8 PEM storage, and the
 * TXT record to publish at {@code selector._domainkey.domain}.
 */
public final class DkimKeys {

    /** DER prefix of an Ed25519 PKCS#8 private key (RFC 8410 §7): the 32-octet seed follows. */
    private static final byte[] ED25519_PKCS8_PREFIX = {0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65,
        0x70, 0x04, 0x22, 0x04, 0x20};

    private DkimKeys() {
    }

    public static KeyPair generateRsa2048() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair generateEd25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An Ed25519 private key from its 32-octet seed (the form RFC 8463 Appendix A prints). */
    public static PrivateKey ed25519FromSeed(byte[] seed) {
        if (seed.length != 32) {
            throw new IllegalArgumentException("Ed25519 seed is 32 octets");
        }
        byte[] der = Arrays.copyOf(ED25519_PKCS8_PREFIX, ED25519_PKCS8_PREFIX.length + 32);
        System.arraycopy(seed, 0, der, ED25519_PKCS8_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("bad Ed25519 seed", e);
        }
    }

    /** The TXT record text: {@code v=DKIM1; k=rsa|ed25519; p=...} (RFC 6376 §3.6.1, RFC 8463 §4.2). */
    public static String dnsRecord(PublicKey key) {
        String k = key.getAlgorithm().equals("RSA") ? "rsa" : "ed25519";
        return "v=DKIM1; k=" + k + "; p=" + DkimKeyRecord.publicKeyTag(key);
    }

    /** PKCS#8 PEM ("PRIVATE KEY") text of a private key. */
    public static String toPem(PrivateKey key) {
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded());
        return "-----BEGIN PRIVATE KEY-----\n" + b64 + "\n-----END PRIVATE KEY-----\n";
    }

    /** Reads a PKCS#8 PEM private key (RSA or Ed25519). */
    public static PrivateKey fromPem(String pem) {
        String b64 = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "")
                .replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(b64);
        for (String alg : new String[] {"RSA", "Ed25519"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // try the next algorithm
            }
        }
        throw new IllegalArgumentException("not a PKCS#8 RSA or Ed25519 private key");
    }
}
