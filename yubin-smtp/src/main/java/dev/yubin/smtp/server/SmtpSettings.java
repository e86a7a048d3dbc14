package dev.yubin.smtp.server;

import java.time.Duration;

/**
 * Every limit of the SMTP server, each declared once with its default (Postfix-like where
 * Postfix has one). Build with {@link #defaults()} or {@link #builder()}.
 *
 * @param hostname name in the greeting, the EHLO reply and our {@code Received:} lines
 * @param maxMessageSize octets of client data accepted per message ({@code 552 5.3.4} above);
 *     Postfix {@code message_size_limit} 10240000. Also advertised as {@code SIZE}
 * @param maxRecipients recipients per transaction ({@code 452 4.5.3} above); Postfix
 *     {@code smtpd_recipient_limit} 1000
 * @param maxCommandLineLength octets of a command line including CRLF; RFC 5321 §4.5.3.1.4 512.
 *     MAIL and RCPT may use up to {@link #maxParameterLineLength} (SIZE, DSN and SMTPUTF8
 *     extensions raise the limit: RFC 1870 §3, RFC 3461 §4)
 * @param maxParameterLineLength octets of a MAIL/RCPT line with extension parameters; also the
 *     limit the {@link dev.yubin.net.LineReader} needs ({@link SmtpServer#lineLimit()}); Postfix
 *     {@code line_length_limit} 2048
 * @param maxTextLineLength octets of a message line without CRLF; RFC 5321 §4.5.3.1.6 998
 * @param maxReceivedHops {@code Received:} headers in a message before it counts as a loop
 *     ({@code 554 5.4.0}); Postfix {@code hopcount_limit} 50
 * @param maxMimeDepth MIME nesting levels accepted ({@code 554 5.4.0} above); 100
 * @param maxErrors erroneous commands before {@code 421} and close; Postfix
 *     {@code smtpd_hard_error_limit} 20
 * @param commandTimeout how long one read may block (commands and data); Postfix
 *     {@code smtpd_timeout} 300 s
 * @param dataTimeLimit total time for the data of one message (DATA, or all BDAT chunks)
 * @param inMemoryMessageLimit messages up to this size are held in memory while received and
 *     indexed from there; bigger ones stream into the blob store
 * @param reverseDns whether to look up the client's PTR name for {@code Received:}; off
 * @param mode MX (port 25: mail for local domains, AUTH not offered) or SUBMISSION (ports
 *     587/465, RFC 6409: AUTH required before MAIL, relaying for authenticated users); MX
 * @param submitterTrace whether our {@code Received:} line on mail from an authenticated user
 *     names the client's host and address (SHOWN) or leaves the from-clause out so a private
 *     address does not leak (HIDDEN, like Gmail's submission trace); SHOWN
 */
public record SmtpSettings(String hostname, long maxMessageSize, int maxRecipients,
                           int maxCommandLineLength, int maxParameterLineLength, int maxTextLineLength,
                           int maxReceivedHops, int maxMimeDepth, int maxErrors,
                           Duration commandTimeout, Duration dataTimeLimit, int inMemoryMessageLimit,
                           ReverseDns reverseDns, Mode mode,
                           SubmitterTrace submitterTrace) {

    /** Whether the client's address is resolved to a name for trace headers. */
    public enum ReverseDns { OFF, ON }

    /** The role of the server: public MX or message submission for the domain's users (RFC 6409). */
    public enum Mode { MX, SUBMISSION }

    /** What the Received line of an authenticated submission says about the client. */
    public enum SubmitterTrace { SHOWN, HIDDEN }

    public SmtpSettings {
        if (hostname == null || hostname.isBlank() || hostname.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw new IllegalArgumentException("hostname must be printable ASCII without spaces");
        }
        positive("max-message-size", maxMessageSize);
        positive("max-recipients", maxRecipients);
        if (maxCommandLineLength < 512) {
            throw new IllegalArgumentException("max-command-line-length below 512 (RFC 5321 §4.5.3.1.4)");
        }
        if (maxParameterLineLength < maxCommandLineLength) {
            throw new IllegalArgumentException("max-parameter-line-length below max-command-line-length");
        }
        if (maxTextLineLength < 998) {
            throw new IllegalArgumentException("max-text-line-length below 998 (RFC 5321 §4.5.3.1.6)");
        }
        positive("max-received-hops", maxReceivedHops);
        positive("max-mime-depth", maxMimeDepth);
        positive("max-errors", maxErrors);
        positive("command-timeout", commandTimeout.toMillis());
        positive("data-time-limit", dataTimeLimit.toMillis());
        positive("in-memory-message-limit", inMemoryMessageLimit);
        if (reverseDns == null) {
            throw new IllegalArgumentException("reverse-dns is null");
        }
        if (mode == null || submitterTrace == null) {
            throw new IllegalArgumentException("mode and submitter-trace are required");
        }
    }

    private static void positive(String key, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(key + " must be positive");
        }
    }

    /** All defaults, hostname {@code localhost}. */
    public static SmtpSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.hostname = hostname;
        b.maxMessageSize = maxMessageSize;
        b.maxRecipients = maxRecipients;
        b.maxCommandLineLength = maxCommandLineLength;
        b.maxParameterLineLength = maxParameterLineLength;
        b.maxTextLineLength = maxTextLineLength;
        b.maxReceivedHops = maxReceivedHops;
        b.maxMimeDepth = maxMimeDepth;
        b.maxErrors = maxErrors;
        b.commandTimeout = commandTimeout;
        b.dataTimeLimit = dataTimeLimit;
        b.inMemoryMessageLimit = inMemoryMessageLimit;
        b.reverseDns = reverseDns;
        b.mode = mode;
        b.submitterTrace = submitterTrace;
        return b;
    }

    /** Starts from the defaults; each setter overrides one value. */
    public static final class Builder {
        private String hostname = "localhost";
        private long maxMessageSize = 10_240_000;
        private int maxRecipients = 1000;
        private int maxCommandLineLength = 512;
        private int maxParameterLineLength = 2048;
        private int maxTextLineLength = 998;
        private int maxReceivedHops = 50;
        private int maxMimeDepth = 100;
        private int maxErrors = 20;
        private Duration commandTimeout = Duration.ofSeconds(300);
        private Duration dataTimeLimit = Duration.ofMinutes(20);
        private int inMemoryMessageLimit = 1 << 20;
        private ReverseDns reverseDns = ReverseDns.OFF;
        private Mode mode = Mode.MX;
        private SubmitterTrace submitterTrace = SubmitterTrace.SHOWN;

        private Builder() {
        }

        public Builder hostname(String v) { hostname = v; return this; }
        public Builder maxMessageSize(long v) { maxMessageSize = v; return this; }
        public Builder maxRecipients(int v) { maxRecipients = v; return this; }
        public Builder maxCommandLineLength(int v) { maxCommandLineLength = v; return this; }
        public Builder maxParameterLineLength(int v) { maxParameterLineLength = v; return this; }
        public Builder maxTextLineLength(int v) { maxTextLineLength = v; return this; }
        public Builder maxReceivedHops(int v) { maxReceivedHops = v; return this; }
        public Builder maxMimeDepth(int v) { maxMimeDepth = v; return this; }
        public Builder maxErrors(int v) { maxErrors = v; return this; }
        public Builder commandTimeout(Duration v) { commandTimeout = v; return this; }
        public Builder dataTimeLimit(Duration v) { dataTimeLimit = v; return this; }
        public Builder inMemoryMessageLimit(int v) { inMemoryMessageLimit = v; return this; }
        public Builder reverseDns(ReverseDns v) { reverseDns = v; return this; }
        public Builder mode(Mode v) { mode = v; return this; }
        public Builder submitterTrace(SubmitterTrace v) { submitterTrace = v; return this; }

        public SmtpSettings build() {
            return new SmtpSettings(hostname, maxMessageSize, maxRecipients, maxCommandLineLength,
                    maxParameterLineLength, maxTextLineLength, maxReceivedHops, maxMimeDepth, maxErrors,
                    commandTimeout, dataTimeLimit, inMemoryMessageLimit, reverseDns, mode,
                    submitterTrace);
        }
    }
}
