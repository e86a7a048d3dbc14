package dev.yubin.smtp.server;

import dev.yubin.net.auth.LoginThrottle;
import dev.yubin.net.auth.LoginThrottleSettings;
import dev.yubin.net.sasl.SaslMechanisms;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * What the server needs for STARTTLS and AUTH, shared with IMAP and POP3 (one throttle for all
 * protocols, so guesses cannot be spread over them).
 *
 * @param tls the server context for STARTTLS (RFC 3207); empty: STARTTLS is not advertised and
 *     answered {@code 454 4.7.0}
 * @param sasl the mechanisms for AUTH (RFC 4954); required in {@link SmtpSettings.Mode#SUBMISSION}
 * @param throttle delays and bans after failed AUTH attempts
 */
public record SmtpAccess(Optional<SSLContext> tls, Optional<SaslMechanisms> sasl, LoginThrottle throttle) {

    public SmtpAccess {
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(sasl, "sasl");
        Objects.requireNonNull(throttle, "throttle");
    }

    /** No TLS, no AUTH: a plain MX. */
    public static SmtpAccess none() {
        return new SmtpAccess(Optional.empty(), Optional.empty(), new LoginThrottle(LoginThrottleSettings.NONE));
    }

    /** STARTTLS only (an MX). */
    public static SmtpAccess tls(SSLContext context) {
        return new SmtpAccess(Optional.of(context), Optional.empty(), new LoginThrottle(LoginThrottleSettings.NONE));
    }
}
