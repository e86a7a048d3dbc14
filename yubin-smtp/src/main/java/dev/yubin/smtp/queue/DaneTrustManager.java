package dev.yubin.smtp.queue;

import dev.yubin.auth.mtasts.DaneMatcher;
import dev.yubin.dns.TlsaRecord;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Accepts a server chain only when DNSSEC-authenticated TLSA records authenticate it
 * (RFC 7672 §3: DANE-EE or DANE-TA, via {@link DaneMatcher#authenticate}); with
 * {@code ANY_CERTIFICATE} it is the "mandatory but unauthenticated" TLS of a TLSA set without
 * usable records (RFC 7672 §2.2).
 */
final class DaneTrustManager extends X509ExtendedTrustManager {

    private final List<TlsaRecord> records;
    private final String mxHost;
    private final Clock clock;

    /** Trusts what the TLSA records authenticate, for the MX host {@code mxHost}. */
    DaneTrustManager(List<TlsaRecord> records, String mxHost, Clock clock) {
        this.records = List.copyOf(records);
        this.mxHost = mxHost;
        this.clock = clock;
    }

    /** Trusts any chain: encryption is mandatory, authentication is not possible (no usable TLSA record). */
    static DaneTrustManager anyCertificate(String mxHost, Clock clock) {
        return new DaneTrustManager(List.of(), mxHost, clock);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (records.isEmpty()) {
            return; // RFC 7672 §2.2: unusable TLSA records only: TLS without authentication
        }
        if (DaneMatcher.authenticate(records, List.of(chain), mxHost, clock.instant())
                instanceof DaneMatcher.Rejected r) {
            throw new CertificateException("DANE: " + r.reason() + " for " + mxHost); // RFC 7672 §2.2: do not deliver
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkServerTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client-side trust manager");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
