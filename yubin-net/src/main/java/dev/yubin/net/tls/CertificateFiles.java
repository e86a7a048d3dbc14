package dev.yubin.net.tls;

import java.nio.file.Path;

/**
 * A PEM certificate chain (leaf first, then intermediates) and the PEM private key that goes with
 * the leaf (PKCS#8, PKCS#1 RSA or SEC1 EC; unencrypted).
 */
public record CertificateFiles(Path chain, Path key) {
    public CertificateFiles {
        if (chain == null || key == null) {
            throw new IllegalArgumentException("certificate chain and key paths are required");
        }
    }
}
