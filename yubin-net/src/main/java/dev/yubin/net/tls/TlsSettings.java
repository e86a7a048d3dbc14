package dev.yubin.net.tls;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where the server's certificates come from.
 *
 * @param certificate the default certificate; when empty a self-signed one is generated on first
 *     run and kept under {@code dataDir/tls/}
 * @param domainCertificates certificates chosen by SNI host name: the key is a host or domain
 *     name; a client asking for {@code mail.example.com} gets the entry for
 *     {@code mail.example.com}, else for {@code example.com}, else the default
 * @param dataDir the server's data directory (self-signed material goes to {@code dataDir/tls})
 * @param hostname the server's host name: CN and subjectAltName of a generated certificate
 */
public record TlsSettings(Optional<CertificateFiles> certificate, Map<String, CertificateFiles> domainCertificates,
                          Path dataDir, String hostname) {
    public TlsSettings {
        if (certificate == null || dataDir == null || hostname == null || hostname.isBlank()) {
            throw new IllegalArgumentException("certificate (may be empty), data dir and host name are required");
        }
        TreeMap<String, CertificateFiles> m = new TreeMap<>();
        (domainCertificates == null ? Map.<String, CertificateFiles>of() : domainCertificates)
                .forEach((k, v) -> m.put(normalise(k), v));
        domainCertificates = java.util.Collections.unmodifiableMap(m);
        hostname = hostname.strip();
    }

    /** No configured certificate: a self-signed one for {@code hostname} under {@code dataDir/tls}. */
    public static TlsSettings selfSigned(Path dataDir, String hostname) {
        return new TlsSettings(Optional.empty(), Map.of(), dataDir, hostname);
    }

    static String normalise(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
