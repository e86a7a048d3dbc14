package dev.yubin.smtp.client;

import java.io.IOException;

/**
 * The connection cannot be used further: a malformed or oversized reply, an unexpected end of
 * stream, a failed TLS handshake. Every recipient of the transaction in progress counts as
 * temporarily failed (RFC 5321 §4.5.4.1 treats a lost connection as a temporary failure).
 */
public class SmtpClientException extends IOException {
    public SmtpClientException(String message) {
        super(message);
    }

    public SmtpClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
