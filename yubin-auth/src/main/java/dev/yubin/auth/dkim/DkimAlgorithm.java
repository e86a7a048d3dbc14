package dev.yubin.auth.dkim;

import java.util.Locale;
import java.util.Optional;

/** Signing algorithms (RFC 6376 §3.3, RFC 8463 §3). rsa-sha1 is recognised only to be refused (RFC 8301 §3.1). */
public enum DkimAlgorithm {
    RSA_SHA256("rsa-sha256", "rsa"),
    ED25519_SHA256("ed25519-sha256", "ed25519"),
    RSA_SHA1("rsa-sha1", "rsa");

    private final String tag;
    private final String keyType;

    DkimAlgorithm(String tag, String keyType) {
        this.tag = tag;
        this.keyType = keyType;
    }

    /** The a= value. */
    public String tag() {
        return tag;
    }

    /** The k= value of matching keys. */
    public String keyType() {
        return keyType;
    }

    public static Optional<DkimAlgorithm> fromTag(String a) {
        String t = a.toLowerCase(Locale.ROOT);
        for (DkimAlgorithm alg : values()) {
            if (alg.tag.equals(t)) {
                return Optional.of(alg);
            }
        }
        return Optional.empty();
    }
}
