package dev.yubin.smtp.client;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the SMTP client. Timeouts default to RFC 5321 §4.5.3.2: initial 220 greeting
 * 5 min, MAIL 5 min, RCPT 5 min, DATA initiation 2 min, each data block 3 min, DATA termination
 * 10 min; plus our own connect timeout and STARTTLS handshake timeout.
 *
 * @param heloName the name sent in EHLO/HELO (the host's FQDN)
 * @param tls whether STARTTLS is used when offered
 * @param maxReplyLineLength longest reply line accepted (RFC 5321 §4.5.3.1.5 says 512; we allow more)
 * @param maxReplyLines most lines in one reply
 */
public record ClientSettings(String heloName, TlsPolicy tls, Duration connectTimeout, Duration greetingTimeout,
                             Duration mailTimeout, Duration rcptTimeout, Duration dataInitTimeout,
                             Duration dataBlockTimeout, Duration dataTerminationTimeout, Duration tlsTimeout,
                             int maxReplyLineLength, int maxReplyLines) {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_GREETING_TIMEOUT = Duration.ofMinutes(5); // RFC 5321 §4.5.3.2.1
    public static final Duration DEFAULT_MAIL_TIMEOUT = Duration.ofMinutes(5); // RFC 5321 §4.5.3.2.2
    public static final Duration DEFAULT_RCPT_TIMEOUT = Duration.ofMinutes(5); // RFC 5321 §4.5.3.2.3
    public static final Duration DEFAULT_DATA_INIT_TIMEOUT = Duration.ofMinutes(2); // RFC 5321 §4.5.3.2.4
    public static final Duration DEFAULT_DATA_BLOCK_TIMEOUT = Duration.ofMinutes(3); // RFC 5321 §4.5.3.2.5
    public static final Duration DEFAULT_DATA_TERMINATION_TIMEOUT = Duration.ofMinutes(10); // RFC 5321 §4.5.3.2.6
    public static final Duration DEFAULT_TLS_TIMEOUT = Duration.ofMinutes(1);
    public static final int DEFAULT_MAX_REPLY_LINE_LENGTH = 4096;
    public static final int DEFAULT_MAX_REPLY_LINES = 200;

    /** STARTTLS use. Certificates are not verified (RFC 7435 opportunistic) unless VERIFY. */
    public enum TlsPolicy { NONE, OPPORTUNISTIC, VERIFY }

    public ClientSettings {
        Objects.requireNonNull(heloName, "heloName");
        Objects.requireNonNull(tls, "tls");
        for (Duration d : new Duration[] {connectTimeout, greetingTimeout, mailTimeout, rcptTimeout, dataInitTimeout,
                dataBlockTimeout, dataTerminationTimeout, tlsTimeout}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
        }
        if (maxReplyLineLength < 512 || maxReplyLines < 1) {
            throw new IllegalArgumentException("reply limits too small");
        }
    }

    public static ClientSettings defaults(String heloName) {
        return new ClientSettings(heloName, TlsPolicy.OPPORTUNISTIC, DEFAULT_CONNECT_TIMEOUT, DEFAULT_GREETING_TIMEOUT,
                DEFAULT_MAIL_TIMEOUT, DEFAULT_RCPT_TIMEOUT, DEFAULT_DATA_INIT_TIMEOUT, DEFAULT_DATA_BLOCK_TIMEOUT,
                DEFAULT_DATA_TERMINATION_TIMEOUT, DEFAULT_TLS_TIMEOUT, DEFAULT_MAX_REPLY_LINE_LENGTH,
                DEFAULT_MAX_REPLY_LINES);
    }

    /** Every timeout set to {@code t} (tests). */
    public ClientSettings withAllTimeouts(Duration t) {
        return new ClientSettings(heloName, tls, t, t, t, t, t, t, t, t, maxReplyLineLength, maxReplyLines);
    }

    public ClientSettings withTls(TlsPolicy policy) {
        return new ClientSettings(heloName, policy, connectTimeout, greetingTimeout, mailTimeout, rcptTimeout,
                dataInitTimeout, dataBlockTimeout, dataTerminationTimeout, tlsTimeout, maxReplyLineLength,
                maxReplyLines);
    }
}
