package dev.yubin.net.auth;

/**
 * Whether passwords may be sent without TLS: IMAP LOGIN and AUTHENTICATE, POP3 USER/PASS and
 * AUTH, SMTP AUTH. When refused, servers advertise LOGINDISABLED (RFC 9051 §6.2.3), leave USER
 * and SASL out of CAPA (RFC 2595 §4) and EHLO AUTH out (RFC 4954 §4), and answer attempts with an
 * error (RFC 8314 §3.2 recommends no cleartext passwords).
 */
public enum CleartextPolicy {
    /** Only over TLS. */
    NEVER,
    /** Over TLS, or in clear from a loopback address (127.0.0.0/8, ::1): local tools and tests. */
    LOOPBACK_ONLY,
    /** Always (only for trusted networks). */
    ALWAYS;

    /** The default, like Dovecot's {@code disable_plaintext_auth} which also exempts loopback. */
    public static final CleartextPolicy DEFAULT = LOOPBACK_ONLY;

    /** True when a password may be received on this channel. */
    public boolean allows(ClientChannel channel) {
        if (channel.secure()) {
            return true;
        }
        return switch (this) {
            case NEVER -> false;
            case LOOPBACK_ONLY -> channel.address().isLoopbackAddress();
            case ALWAYS -> true;
        };
    }

    /** Parses a setting value such as {@code loopback-only} (case-insensitive). */
    public static CleartextPolicy parse(String value) {
        return valueOf(value.strip().replace('-', '_').toUpperCase(java.util.Locale.ROOT));
    }
}
