package dev.yubin.auth.dkim;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;

/** The signature primitives of DKIM and ARC: RSA-SHA256 (RFC 6376 §3.3.1) and Ed25519-SHA256 (RFC 8463 §3). */
public final class DkimCrypto {

    private DkimCrypto() {
    }

    public static byte[] sha256(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(data, 0, length);
            return md.digest();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** True if {@code signature} is valid for {@code data}; never throws for bad input. */
    public static boolean verify(DkimAlgorithm alg, PublicKey key, byte[] data, byte[] signature) {
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
        try {
            Signature s = instance(key.algorithm());
            s.initSign(key.privateKey());
            s.update(key.algorithm() == DkimAlgorithm.ED25519_SHA256 ? sha256(data, data.length) : data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed for " + key.domain(), e);
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
