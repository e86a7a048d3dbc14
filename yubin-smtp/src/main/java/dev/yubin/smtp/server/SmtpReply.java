package dev.yubin.smtp.server;

import java.util.List;

/**
 * One SMTP reply: a code, an enhanced status code and one or more text lines. Every reply the
 * server sends is declared here or derived from a constant here with {@link #withText}, so the
 * mapping from outcomes to codes lives in one place.
 *
 * <p>RFC 5321 §4.2 (reply syntax, multi-line replies), RFC 2034 / RFC 3463 (enhanced status
 * codes: {@code class.subject.detail}; not used on the greeting nor on the EHLO/HELO reply, RFC 2034 §3).
 *
 * @param status enhanced status code, or "" where none is sent (greeting, EHLO, 354)
 */
public record SmtpReply(int code, String status, List<String> lines) {

    public SmtpReply {
        if (code < 200 || code > 599) {
            throw new IllegalArgumentException("reply code out of range: " + code);
        }
        lines = List.copyOf(lines);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a reply needs at least one line");
        }
    }

    public static SmtpReply of(int code, String status, String text) {
        return new SmtpReply(code, status, List.of(text));
    }

    // RFC 5321 §4.2.2 codes, RFC 3463 enhanced codes. Texts follow Postfix where clients or
    // operators may match on them.
    public static final SmtpReply OK = of(250, "2.0.0", "Ok");
    public static final SmtpReply SENDER_OK = of(250, "2.1.0", "Ok");
    public static final SmtpReply RECIPIENT_OK = of(250, "2.1.5", "Ok");
    public static final SmtpReply CANNOT_VRFY = of(252, "2.0.0", "Cannot VRFY user, but will accept message and attempt delivery");
    public static final SmtpReply HELP = of(214, "2.0.0", "See RFC 5321; commands: EHLO HELO MAIL RCPT DATA BDAT RSET NOOP QUIT VRFY HELP");
    public static final SmtpReply AUTH_OK = of(235, "2.7.0", "Authentication successful");
    public static final SmtpReply TLS_READY = of(220, "2.0.0", "Ready to start TLS");
    public static final SmtpReply START_DATA = of(354, "", "End data with <CR><LF>.<CR><LF>");
    public static final SmtpReply BYE = of(221, "2.0.0", "Bye");

    public static final SmtpReply TIMEOUT = of(421, "4.4.2", "Error: timeout exceeded");
    public static final SmtpReply TOO_MANY_ERRORS = of(421, "4.7.0", "Error: too many errors");
    public static final SmtpReply TOO_MANY_CONNECTIONS = of(421, "4.7.0", "Error: too many connections, try again later");
    public static final SmtpReply SHUTTING_DOWN = of(421, "4.3.2", "Service shutting down, closing transmission channel");
    public static final SmtpReply LOGIN_BANNED = of(421, "4.7.0", "Error: too many failed logins, try again later");
    public static final SmtpReply LOCAL_ERROR = of(451, "4.3.0", "Error: queue file write error, try again later");
    public static final SmtpReply FORWARDING_UNAVAILABLE = of(451, "4.3.0", "Forwarding to remote addresses is not available, try again later");
    public static final SmtpReply MAILBOX_FULL = of(452, "4.2.2", "Mailbox full");
    public static final SmtpReply TOO_MANY_RECIPIENTS = of(452, "4.5.3", "Error: too many recipients");
    public static final SmtpReply TLS_UNAVAILABLE = of(454, "4.7.0", "TLS not available due to temporary reason");
    public static final SmtpReply AUTH_UNAVAILABLE = of(454, "4.7.0", "Temporary authentication failure");

    public static final SmtpReply UNRECOGNIZED = of(500, "5.5.2", "Error: command not recognized");
    public static final SmtpReply LINE_TOO_LONG = of(500, "5.5.2", "Error: line too long");
    public static final SmtpReply BARE_LINE_END = of(500, "5.5.2", "Error: bare <CR> or <LF> received; lines must end with <CR><LF>");
    public static final SmtpReply NOT_IMPLEMENTED = of(502, "5.5.1", "Error: command not implemented");
    public static final SmtpReply SEND_HELO_FIRST = of(503, "5.5.1", "Error: send HELO/EHLO first");
    public static final SmtpReply NESTED_MAIL = of(503, "5.5.1", "Error: nested MAIL command");
    public static final SmtpReply NEED_MAIL = of(503, "5.5.1", "Error: need MAIL command");
    public static final SmtpReply NEED_RCPT = of(503, "5.5.1", "Error: need RCPT command");
    public static final SmtpReply MIXED_DATA_BDAT = of(503, "5.5.1", "Error: DATA and BDAT cannot be mixed in one transaction");
    public static final SmtpReply AUTH_NOT_ENABLED = of(503, "5.5.1", "Error: authentication not enabled");
    public static final SmtpReply ALREADY_AUTHENTICATED = of(503, "5.5.1", "Error: already authenticated");
    public static final SmtpReply AUTH_IN_TRANSACTION = of(503, "5.5.1", "Error: MAIL transaction in progress");
    public static final SmtpReply AUTH_UNKNOWN_MECHANISM = of(504, "5.5.4", "Unrecognized authentication type");
    public static final SmtpReply AUTH_MALFORMED = of(501, "5.5.2", "Cannot decode response");
    public static final SmtpReply AUTH_CANCELLED = of(501, "5.0.0", "Authentication cancelled");
    public static final SmtpReply AUTH_REQUIRED = of(530, "5.7.0", "Authentication required");
    public static final SmtpReply AUTH_FAILED = of(535, "5.7.8", "Authentication credentials invalid");
    public static final SmtpReply ENCRYPTION_REQUIRED = of(538, "5.7.11", "Encryption required for requested authentication mechanism");
    public static final SmtpReply SENDER_NOT_OWNED = of(553, "5.7.1", "Sender address rejected: not owned by user");
    public static final SmtpReply ALREADY_TLS = of(554, "5.5.1", "Error: TLS already active");
    public static final SmtpReply SYNTAX = of(501, "5.5.4", "Syntax error in parameters or arguments");
    public static final SmtpReply BAD_SENDER_SYNTAX = of(501, "5.1.7", "Bad sender address syntax");
    public static final SmtpReply BAD_RECIPIENT_SYNTAX = of(501, "5.1.3", "Bad recipient address syntax");
    public static final SmtpReply UNKNOWN_PARAMETER = of(555, "5.5.4", "Unsupported option");
    public static final SmtpReply UTF8_NOT_DECLARED = of(553, "5.6.7", "Must declare SMTPUTF8 to send Unicode address");
    public static final SmtpReply USER_UNKNOWN = of(550, "5.1.1", "Recipient address rejected: User unknown");
    public static final SmtpReply RELAY_DENIED = of(550, "5.7.1", "Relay access denied");
    public static final SmtpReply NO_VALID_RECIPIENTS = of(554, "5.5.1", "Error: no valid recipients");
    public static final SmtpReply MESSAGE_TOO_BIG = of(552, "5.3.4", "Error: message file too big");
    public static final SmtpReply ALL_OVER_QUOTA = of(552, "5.2.2", "Mailbox full");
    public static final SmtpReply BARE_LINE_END_IN_DATA = of(550, "5.6.0", "Error: message contains bare <CR> or <LF>; lines must end with <CR><LF>");
    public static final SmtpReply TEXT_LINE_TOO_LONG = of(554, "5.6.0", "Error: message contains a line longer than 998 octets");
    public static final SmtpReply TOO_MANY_HOPS = of(554, "5.4.0", "Error: too many hops (mail loop)");
    public static final SmtpReply MIME_TOO_DEEP = of(554, "5.4.0", "Error: MIME nesting too deep");
    public static final SmtpReply IMPROPER_PIPELINING = of(554, "5.5.0", "Error: improper use of SMTP command pipelining");

    /** The same code and enhanced status with another text. */
    public SmtpReply withText(String text) {
        return new SmtpReply(code, status, List.of(text));
    }

    /** 2xx and 3xx. */
    public boolean isPositive() {
        return code < 400;
    }

    /** Counts toward the error limit (Postfix smtpd_hard_error_limit counts every 4xx/5xx). */
    public boolean isError() {
        return code >= 400;
    }

    /** The reply as sent on the wire, CRLF after each line. */
    public String wire() {
        StringBuilder sb = new StringBuilder(64);
        for (int i = 0; i < lines.size(); i++) {
            sb.append(code).append(i == lines.size() - 1 ? ' ' : '-');
            if (!status.isEmpty()) {
                sb.append(status).append(' ');
            }
            sb.append(lines.get(i)).append("\r\n");
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return code + (status.isEmpty() ? "" : " " + status) + " " + lines.get(lines.size() - 1);
    }
}
