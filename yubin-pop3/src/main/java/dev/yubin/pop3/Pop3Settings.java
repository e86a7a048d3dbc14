package dev.yubin.pop3;

import java.time.Duration;
import java.util.Optional;

/**
 * Limits and advertised policies of the POP3 server.
 *
 * @param hostname the server's name, in the greeting
 * @param maxBadCommands unknown, malformed or wrong-state commands tolerated before the connection
 *     is closed (Dovecot closes after a similar count)
 * @param idleTimeout how long the server waits for a command; RFC 1939 §3 requires at least 10 minutes
 * @param loginDelay RFC 2449 §6.8 LOGIN-DELAY: minimum time between two logins of one user,
 *     advertised and enforced ({@code -ERR [LOGIN-DELAY]}); empty for none
 * @param expire RFC 2449 §6.7 EXPIRE value advertised ({@code NEVER}: this server never deletes
 *     mail by itself); empty to not advertise
 */
public record Pop3Settings(String hostname, int maxBadCommands, Duration idleTimeout, Optional<Duration> loginDelay,
                           Optional<String> expire) {
    /** RFC 2449 §4: a command line is at most 255 octets including CRLF. */
    public static final int MAX_COMMAND_LINE = 255;
    /** Longest AUTH response line read (RFC 5034 §4 lifts the 255 limit for SASL responses). */
    public static final int MAX_AUTH_LINE = 8192;

    public static final int DEFAULT_MAX_BAD_COMMANDS = 10;
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);

    public Pop3Settings {
        if (hostname == null || hostname.isBlank() || maxBadCommands < 1 || idleTimeout.isNegative()
                || idleTimeout.isZero()) {
            throw new IllegalArgumentException("bad POP3 settings");
        }
    }

    public static Pop3Settings defaults(String hostname) {
        return new Pop3Settings(hostname, DEFAULT_MAX_BAD_COMMANDS, DEFAULT_IDLE_TIMEOUT, Optional.empty(),
                Optional.of("NEVER"));
    }
}
