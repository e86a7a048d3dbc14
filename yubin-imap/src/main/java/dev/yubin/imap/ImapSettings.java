package dev.yubin.imap;

import dev.yubin.net.auth.CleartextPolicy;
import java.time.Duration;

/**
 * Limits and defaults of the IMAP server, each declared once here with its default
 * ({@link #defaults()}, Dovecot-like).
 *
 * @param maxLineLength longest command line in octets (64 KiB; RFC 7162 §4 asks for at least 8192)
 * @param maxMessageBytes largest message APPEND accepts, advertised as APPENDLIMIT (RFC 7889); also the
 *     largest literal
 * @param maxCommandBytes largest sum of lines and literals in one command (MULTIAPPEND included)
 * @param maxNesting deepest parenthesis nesting in a command
 * @param maxBadCommandsBeforeLogin bad or wrong-state commands before login after which the server
 *     says BYE
 * @param preLoginTimeout idle time allowed before login
 * @param idleTimeout idle time allowed after login (RFC 9051 §5.4: at least 30 minutes)
 * @param maxSessionsPerUser concurrent sessions per user and client address (Dovecot's
 *     mail_max_userip_connections)
 * @param cleartext where LOGIN and AUTHENTICATE are allowed without TLS (default: loopback only)
 * @param fetchBatch messages whose summaries FETCH reads from the store per query
 * @param greeting text of the server greeting
 * @param literalBudgetBytes bytes of literals (APPEND bodies) all connections may hold at once
 * @param summaryCacheEntries parsed message summaries kept in memory for all sessions (0 disables)
 */
public record ImapSettings(int maxLineLength, long maxMessageBytes, long maxCommandBytes, int maxNesting,
                           int maxBadCommandsBeforeLogin, Duration preLoginTimeout, Duration idleTimeout,
                           int maxSessionsPerUser, CleartextPolicy cleartext, int fetchBatch, String greeting,
                           int summaryCacheEntries, long literalBudgetBytes) {

    public ImapSettings {
        if (maxLineLength < 1024 || maxMessageBytes < 1 || maxCommandBytes < maxMessageBytes || maxNesting < 4
                || maxBadCommandsBeforeLogin < 1 || maxSessionsPerUser < 1 || fetchBatch < 1
                || summaryCacheEntries < 0 || literalBudgetBytes < maxMessageBytes) {
            throw new IllegalArgumentException("invalid IMAP limits");
        }
    }

    public static ImapSettings defaults() {
        long maxMessage = 50L * 1024 * 1024;
        return new ImapSettings(64 * 1024, maxMessage, maxMessage + 1024 * 1024, 64, 5, Duration.ofMinutes(1),
                Duration.ofMinutes(30), 10, CleartextPolicy.DEFAULT, 500, "Yubin IMAP4rev2 ready", 50_000,
                256L * 1024 * 1024);
    }

    public ImapSettings withCleartext(CleartextPolicy policy) {
        return new ImapSettings(maxLineLength, maxMessageBytes, maxCommandBytes, maxNesting, maxBadCommandsBeforeLogin,
                preLoginTimeout, idleTimeout, maxSessionsPerUser, policy, fetchBatch, greeting,
                summaryCacheEntries, literalBudgetBytes);
    }

    public ImapSettings withTimeouts(Duration preLogin, Duration idle) {
        return new ImapSettings(maxLineLength, maxMessageBytes, maxCommandBytes, maxNesting, maxBadCommandsBeforeLogin,
                preLogin, idle, maxSessionsPerUser, cleartext, fetchBatch, greeting,
                summaryCacheEntries, literalBudgetBytes);
    }

    public ImapSettings withMaxSessionsPerUser(int max) {
        return new ImapSettings(maxLineLength, maxMessageBytes, maxCommandBytes, maxNesting, maxBadCommandsBeforeLogin,
                preLoginTimeout, idleTimeout, max, cleartext, fetchBatch, greeting,
                summaryCacheEntries, literalBudgetBytes);
    }

    public ImapSettings withMaxMessageBytes(long max) {
        return new ImapSettings(maxLineLength, max, Math.max(maxCommandBytes, max), maxNesting,
                maxBadCommandsBeforeLogin, preLoginTimeout, idleTimeout, maxSessionsPerUser, cleartext,
                fetchBatch, greeting, summaryCacheEntries, Math.max(literalBudgetBytes, max));
    }
}
