package dev.yubin.net.tls;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's TLS configuration, built once at start-up and shared by every listener (SMTP,
 * submission, IMAP, POP3): TLS 1.3 and 1.2 only (RFC 8996 deprecates 1.0/1.1; RFC 8314 §4.1),
 * AEAD cipher suites with forward secrecy only, the server's cipher order, certificates from
 * PEM files chosen by SNI, and a self-signed fallback when no certificate is configured.
 *
 * <p>{@link #serverContext()} is what {@code Listener} (implicit TLS) and
 * {@code Connection.startTls} take; the policy is enforced inside the context, so every socket
 * it makes has it.
 */
public final class TlsContexts {
    private static final Logger LOG = LoggerFactory.getLogger(TlsContexts.class);

    /** Protocol versions offered, best first. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private final SSLContext server;
    private final KeyMaterial defaultMaterial;
    private final boolean selfSigned;

    private TlsContexts(SSLContext server, KeyMaterial defaultMaterial, boolean selfSigned) {
        this.server = server;
        this.defaultMaterial = defaultMaterial;
        this.selfSigned = selfSigned;
    }

    /**
     * Loads the configured certificates (or the self-signed fallback, creating it on first run).
     *
     * @throws TlsSetupException with a message naming the bad file
     */
    public static TlsContexts load(TlsSettings settings) {
        boolean generated = settings.certificate().isEmpty();
        KeyMaterial def = settings.certificate().map(PemFiles::load)
                .orElseGet(() -> SelfSignedCertificate.loadOrCreate(settings.dataDir(), settings.hostname()));
        Map<String, KeyMaterial> byDomain = new LinkedHashMap<>();
        settings.domainCertificates().forEach((d, files) -> byDomain.put(d, PemFiles.load(files)));
        try {
            SSLContext base = SSLContext.getInstance("TLS");
            base.init(new KeyManager[] {new SniKeyManager(def, byDomain)}, null, null);
            SSLContext ctx = new RestrictedSslContext(base, parameters(base));
            LOG.info("event=tls.loaded default_subject=\"{}\" self_signed={} sni_domains={}",
                    def.leaf().getSubjectX500Principal().getName(), generated, byDomain.keySet());
            return new TlsContexts(ctx, def, generated);
        } catch (GeneralSecurityException e) {
            throw new TlsSetupException("cannot initialise TLS: " + e.getMessage(), e);
        }
    }

    private static SSLParameters parameters(SSLContext base) {
        List<String> suites = new ArrayList<>();
        for (String s : base.getSupportedSSLParameters().getCipherSuites()) {
            if (acceptable(s)) {
                suites.add(s);
            }
        }
        SSLParameters p = new SSLParameters(suites.toArray(String[]::new), PROTOCOLS.toArray(String[]::new));
        p.setUseCipherSuitesOrder(true);
        return p;
    }

    /** TLS 1.3 suites, and TLS 1.2 ECDHE with AES-GCM or ChaCha20-Poly1305 (forward secret, AEAD). */
    static boolean acceptable(String suite) {
        if (suite.startsWith("TLS_AES_") || suite.startsWith("TLS_CHACHA20_")) {
            return true;
        }
        return suite.startsWith("TLS_ECDHE_") && (suite.contains("_GCM_") || suite.contains("CHACHA20_POLY1305"));
    }

    /** The context for server sockets: pass to {@code Listener} and {@code Connection.startTls}. */
    public SSLContext serverContext() {
        return server;
    }

    /** The default certificate chain (leaf first). */
    public List<X509Certificate> defaultChain() {
        return defaultMaterial.chain();
    }

    /** True when the default certificate is the generated self-signed one. */
    public boolean selfSigned() {
        return selfSigned;
    }

    /**
     * A client context that trusts exactly these certificates, with the same protocol policy (for
     * tests and for clients of our own servers).
     */
    public static SSLContext clientTrusting(List<X509Certificate> trusted) {
        try {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : trusted) {
                ks.setCertificateEntry("t" + i++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext base = SSLContext.getInstance("TLS");
            base.init(null, tmf.getTrustManagers(), null);
            return new RestrictedSslContext(base, parameters(base));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new TlsSetupException("cannot build a client TLS context: " + e.getMessage(), e);
        }
    }
}
