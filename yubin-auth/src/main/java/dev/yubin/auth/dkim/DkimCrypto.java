package dev.yubin.auth.dkim;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;

/**
 * The signature primitives of DKIM and ARC: RSA-SHA256 (RFC 6376 §3.3.1) through the JDK, and
 * Ed25519-SHA256 (RFC 8463 §3) through Bouncy Castle's RFC 8032 code, several times faster than
 * the JDK's for signing and verifying.
 */
public final class DkimCrypto {

    /** Raw Ed25519 key material per private key: the seed and the public key (computing it costs a scalar multiplication). */
    private record Ed25519Material(byte[] seed, byte[] publicKey) {
    }

    private static final Map<PrivateKey, Ed25519Material> ED25519_KEYS = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Verification tables of recently used Ed25519 public keys (about 165 KB each; a DKIM key
     * verifies a domain's whole mail, so building its table once pays after a few messages).
     */
    private static final int TABLE_CACHE_SIZE = 64;
    private static final Map<PublicKey, Ed25519FixedBase> ED25519_TABLES = lru(TABLE_CACHE_SIZE);
    /** Keys verified once: a table is built on a key's second use, so one-off keys never pay for one. */
    private static final Map<PublicKey, Boolean> ED25519_SEEN = lru(1024);

    private static <V> Map<PublicKey, V> lru(int capacity) {
        return Collections.synchronizedMap(new java.util.LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<PublicKey, V> eldest) {
                return size() > capacity;
            }
        });
    }

    private DkimCrypto() {
    }

    /** One digest per thread: {@code getInstance} costs a provider lookup per call. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    });

    public static byte[] sha256(byte[] data, int length) {
        MessageDigest md = SHA256.get();
        md.reset();
        md.update(data, 0, length);
        return md.digest();
    }

    /** True if {@code signature} is valid for {@code data}; never throws for bad input. */
    public static boolean verify(DkimAlgorithm alg, PublicKey key, byte[] data, byte[] signature) {
        if (alg == DkimAlgorithm.ED25519_SHA256) {
            byte[] spki = key.getEncoded();
            if (signature.length != Ed25519.SIGNATURE_SIZE || spki == null || spki.length < Ed25519.PUBLIC_KEY_SIZE) {
                return false;
            }
            byte[] hash = sha256(data, data.length); // RFC 8463 §3: Ed25519 over the SHA-256 hash
            Ed25519FixedBase table = ED25519_TABLES.get(key);
            if (table == null) {
                byte[] pk = java.util.Arrays.copyOfRange(spki, spki.length - Ed25519.PUBLIC_KEY_SIZE, spki.length);
                if (ED25519_SEEN.put(key, Boolean.TRUE) == null) {
                    try {
                        return Ed25519.verify(signature, 0, pk, 0, hash, 0, hash.length);
                    } catch (RuntimeException e) {
                        return false;
                    }
                }
                table = Ed25519FixedBase.of(pk);
                if (table == null) {
                    return false; // not a point (RFC 8032 §5.1.3)
                }
                ED25519_TABLES.put(key, table);
            }
            return table.verify(signature, hash);
        }
        try {
            Signature s = instance(alg);
            s.initVerify(key);
            s.update(alg == DkimAlgorithm.ED25519_SHA256 ? sha256(data, data.length) : data); // RFC 8463 §3
            return s.verify(signature);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    public static byte[] sign(DkimSigningKey key, byte[] data) {
        if (key.algorithm() == DkimAlgorithm.ED25519_SHA256) {
            Ed25519Material m = ED25519_KEYS.computeIfAbsent(key.privateKey(), DkimCrypto::material);
            byte[] hash = sha256(data, data.length);
            byte[] sig = new byte[Ed25519.SIGNATURE_SIZE];
            Ed25519.sign(m.seed(), 0, m.publicKey(), 0, hash, 0, hash.length, sig, 0);
            return sig;
        }
        try {
            Signature s = instance(key.algorithm());
            s.initSign(key.privateKey());
            s.update(key.algorithm() == DkimAlgorithm.ED25519_SHA256 ? sha256(data, data.length) : data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed for " + key.domain(), e);
        }
    }

    private static Ed25519Material material(PrivateKey key) {
        try {
            byte[] seed = ASN1OctetString.getInstance(PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey()).getOctets();
            if (seed.length != Ed25519.SECRET_KEY_SIZE) {
                throw new IllegalArgumentException("Ed25519 seed must be 32 octets");
            }
            byte[] pk = new byte[Ed25519.PUBLIC_KEY_SIZE];
            Ed25519.generatePublicKey(seed, 0, pk, 0);
            return new Ed25519Material(seed, pk);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("unreadable Ed25519 private key", e);
        }
    }

    private static Signature instance(DkimAlgorithm alg) throws GeneralSecurityException {
        return switch (alg) {
            case ED25519_SHA256 -> Signature.getInstance("Ed25519");
            case RSA_SHA256 -> Signature.getInstance("SHA256withRSA");
            case RSA_SHA1 -> Signature.getInstance("SHA1withRSA");
        };
    }
}
