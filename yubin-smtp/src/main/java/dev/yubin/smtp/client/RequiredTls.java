package dev.yubin.smtp.client;

import java.util.Objects;
import javax.net.ssl.X509TrustManager;

/**
 * STARTTLS that must succeed, with a server certificate {@link #trust} accepts, before any mail
 * is sent (RFC 8461 §4.2 for MTA-STS enforce, RFC 7672 §2.2 for DANE): when the server does not
 * offer STARTTLS, refuses it, or the handshake or certificate check fails, the connection fails
 * with a {@link TlsRequiredException}; it never falls back to plaintext.
 *
 * @param policy what requires TLS, for logs and delivery reports (e.g. "MTA-STS", "DANE")
 * @param trust checks the server's chain
 * @param names whether the JDK also checks that the certificate is issued for the MX host name
 */
public record RequiredTls(String policy, X509TrustManager trust, NameCheck names) {

    /** Who checks the host name. */
    public enum NameCheck {
        /** The TLS layer checks the MX host name against the certificate (RFC 6125, as HTTPS does). */
        HOST_NAME,
        /** {@link #trust} decides alone (DANE-EE ignores names; DANE-TA checks them itself). */
        TRUST_MANAGER
    }

    public RequiredTls {
        Objects.requireNonNull(policy);
        Objects.requireNonNull(trust);
        Objects.requireNonNull(names);
    }

    /** Thrown by {@link SmtpConnection#open} when required TLS could not be established. */
    public static class TlsRequiredException extends SmtpClientException {
        public TlsRequiredException(String message) {
            super(message);
        }

        public TlsRequiredException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
