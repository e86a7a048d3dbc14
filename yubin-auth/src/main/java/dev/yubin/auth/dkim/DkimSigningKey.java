package dev.yubin.auth.dkim;

import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.util.Locale;
import java.util.Objects;

/** A private key with the domain and selector it signs for; the algorithm follows the key type. */
public record DkimSigningKey(String domain, String selector, PrivateKey privateKey) {

    public DkimSigningKey {
        domain = domain.toLowerCase(Locale.ROOT);
        selector = selector.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(privateKey);
        if (privateKey instanceof RSAPrivateKey rsa && rsa.getModulus().bitLength() < 1024) {
            throw new IllegalArgumentException("RSA signing keys must have at least 1024 bits (RFC 8301 §3.2)");
        }
        if (!privateKey.getAlgorithm().equals("RSA") && !isEd25519(privateKey)) {
            throw new IllegalArgumentException("DKIM keys are RSA or Ed25519, not " + privateKey.getAlgorithm());
        }
    }

    public DkimAlgorithm algorithm() {
        return isEd25519(privateKey) ? DkimAlgorithm.ED25519_SHA256 : DkimAlgorithm.RSA_SHA256;
    }

    private static boolean isEd25519(PrivateKey k) {
        return k.getAlgorithm().equals("Ed25519") || k.getAlgorithm().equals("EdDSA");
    }
}
