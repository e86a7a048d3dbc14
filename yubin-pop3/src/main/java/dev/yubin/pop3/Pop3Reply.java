package dev.yubin.pop3;

/**
 * Every fixed POP3 status line, with its RFC 2449 §8 / RFC 3206 response code where one applies.
 * The one place that says what the client is told.
 */
final class Pop3Reply {
    static final String GREETING = "+OK Yubin POP3 server ready.";
    static final String BUSY = "-ERR [SYS/TEMP] Too many connections, try again later.";
    static final String BANNED = "-ERR [SYS/TEMP] Too many failed logins, try again later.";
    static final String UNKNOWN = "-ERR Unknown command.";
    static final String BAD_SYNTAX = "-ERR Invalid arguments.";
    static final String BAD_STATE = "-ERR Command not valid in this state.";
    static final String LINE_TOO_LONG = "-ERR Command line too long."; // RFC 2449 §4
    static final String TOO_MANY_BAD = "-ERR Too many bad commands, closing connection.";
    static final String TIMEOUT = "-ERR Disconnected for inactivity.";
    static final String BYE = "+OK Bye.";
    static final String NOOP = "+OK";
    static final String USER_OK = "+OK Send your password.";
    static final String USER_FIRST = "-ERR No user name given: USER first.";
    static final String CLEARTEXT_DISALLOWED =
            "-ERR [AUTH] Plaintext authentication disallowed on non-secure (TLS) connections.";
    static final String AUTH_FAILED = "-ERR [AUTH] Authentication failed.";
    static final String AUTH_CANCELLED = "-ERR Authentication cancelled.";
    static final String AUTH_MALFORMED = "-ERR Invalid SASL message.";
    static final String AUTH_UNKNOWN_MECHANISM = "-ERR Unsupported authentication mechanism.";
    static final String LOGGED_IN = "+OK Logged in.";
    static final String IN_USE = "-ERR [IN-USE] Mailbox is in use by another POP3 session.";
    static final String LOGIN_DELAY = "-ERR [LOGIN-DELAY] Minimum time between logins has not passed.";
    static final String TEMP_FAILURE = "-ERR [SYS/TEMP] Temporary server failure, try again later.";
    static final String NO_MAILDROP = "-ERR [SYS/PERM] This user has no INBOX.";
    static final String NO_SUCH_MESSAGE = "-ERR No such message.";
    static final String MESSAGE_DELETED = "-ERR Message is deleted.";
    static final String MESSAGE_GONE = "-ERR [SYS/TEMP] Message was removed by another session.";
    static final String DELETED = "+OK Message deleted.";
    static final String STLS_GO = "+OK Begin TLS negotiation now.";
    static final String STLS_UNAVAILABLE = "-ERR TLS is not available.";
    static final String STLS_ACTIVE = "-ERR TLS is already active.";
    static final String UTF8_OK = "+OK UTF-8 mode enabled.";
    static final String CAPA = "+OK Capability list follows.";
    static final String UPDATE_FAILED = "-ERR [SYS/TEMP] Some deleted messages were not removed.";

    private Pop3Reply() {
    }
}
