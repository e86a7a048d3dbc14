package dev.yubin.smtp.server;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Our trace header fields (RFC 5321 §4.4): {@code Return-Path:} (we make the final delivery) and
 * {@code Received:} with the protocol keyword of RFC 3848 / RFC 6531 §3.7.3 and the recipient
 * only when there is exactly one (privacy).
 */
final class TraceFields {
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH); // RFC 5322 §3.3

    private TraceFields() {
    }

    static String returnPath(ReversePath sender) {
        return "Return-Path: " + sender + "\r\n"; // RFC 5321 §4.4
    }

    static String received(ClientInfo client, Envelope envelope, String hostname, String queueId, ZonedDateTime now) {
        return received(client, envelope, hostname, queueId, now, SmtpSettings.SubmitterTrace.SHOWN);
    }

    /**
     * With {@link SmtpSettings.SubmitterTrace#HIDDEN} and an authenticated client, the from-clause
     * (HELO name, host and address) is left out: a deliberate privacy exception to RFC 5321 §4.4
     * for submission, as large providers make; the protocol keyword still says ESMTPSA.
     */
    static String received(ClientInfo client, Envelope envelope, String hostname, String queueId, ZonedDateTime now,
                           SmtpSettings.SubmitterTrace trace) {
        StringBuilder sb = new StringBuilder(256);
        if (trace == SmtpSettings.SubmitterTrace.HIDDEN && client.authUser().isPresent()) {
            sb.append("Received: by ").append(hostname).append(" (Yubin) with ").append(protocol(client, envelope))
                    .append(" id ").append(queueId);
            return end(sb, envelope, now);
        }
        sb.append("Received: from ").append(clean(client.helo().isEmpty() ? "unknown" : client.helo()))
                .append(" (").append(client.reverseName().map(TraceFields::clean).orElse("unknown"))
                .append(" [").append(client.address().getHostAddress()).append("])\r\n");
        client.tls().ifPresent(t -> sb.append("\t(using ").append(clean(t.protocol())).append(" with cipher ")
                .append(clean(t.cipherSuite())).append(")\r\n"));
        sb.append("\tby ").append(hostname).append(" (Yubin) with ").append(protocol(client, envelope))
                .append(" id ").append(queueId);
        return end(sb, envelope, now);
    }

    private static String end(StringBuilder sb, Envelope envelope, ZonedDateTime now) {
        if (envelope.recipients().size() == 1) {
            sb.append("\r\n\tfor <").append(envelope.recipients().get(0).address()).append('>');
        }
        sb.append(";\r\n\t").append(DATE.format(now)).append("\r\n");
        return sb.toString();
    }

    /** RFC 3848 §2 and RFC 6531 §3.7.3 "with" keywords. */
    static String protocol(ClientInfo client, Envelope envelope) {
        boolean utf8 = envelope.parameters().utf8() == MailParameters.Utf8.REQUESTED;
        if (client.greeting() != ClientInfo.Greeting.EHLO && !utf8) {
            return "SMTP";
        }
        String base = utf8 ? "UTF8SMTP" : "ESMTP";
        String suffix = (client.tls().isPresent() ? "S" : "") + (client.authUser().isPresent() ? "A" : "");
        return base + suffix;
    }

    /** Client-supplied text made safe for a header comment: printable ASCII without parentheses. */
    static String clean(String s) {
        StringBuilder sb = new StringBuilder(Math.min(s.length(), 255));
        for (int i = 0; i < s.length() && i < 255; i++) {
            char c = s.charAt(i);
            boolean ok = c > ' ' && c < 0x7f && c != '(' && c != ')' && c != '\\' && c != ';';
            sb.append(ok ? c : '_');
        }
        return sb.toString();
    }
}
