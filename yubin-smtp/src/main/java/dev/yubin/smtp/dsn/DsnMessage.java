package dev.yubin.smtp.dsn;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Writes a delivery status notification (RFC 3464): a {@code multipart/report} (RFC 6522) with a
 * human-readable part, a {@code message/delivery-status} part and the original message's header
 * ({@code text/rfc822-headers}) or, for a failure with RET=FULL, the whole original
 * ({@code message/rfc822}). It starts with {@code Return-Path: <>}: reports travel with the
 * null reverse path (RFC 3461 §6.2) so they are never bounced themselves.
 */
public final class DsnMessage {
    /** Most octets of the original header returned. */
    public static final int MAX_HEADER_OCTETS = 64 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    private DsnMessage() {
    }

    /** Where the original message is read from (freshly, from its start, Return-Path included or not). */
    @FunctionalInterface
    public interface Original {
        InputStream open() throws IOException;
    }

    /** The report as CRLF message octets. */
    public static byte[] write(DeliveryReport report, Original original, Instant now) throws IOException {
        String boundary = "=_dsn_" + HexFormat.of().formatHex(random());
        Action main = report.mainAction();
        boolean full = main == Action.FAILED && report.ret().filter(r -> r == dev.yubin.store.queue.Ret.FULL).isPresent();
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        StringBuilder h = new StringBuilder();
        line(h, "Return-Path: <>");
        line(h, "From: Mail Delivery System <MAILER-DAEMON@" + report.reportingMta() + ">");
        line(h, "To: <" + report.sender() + ">");
        line(h, "Subject: " + subject(main));
        line(h, "Date: " + DATE.format(now));
        line(h, "Message-ID: <dsn." + HexFormat.of().formatHex(random()) + "@" + report.reportingMta() + ">");
        line(h, "Auto-Submitted: auto-replied"); // RFC 3834 §5
        line(h, "MIME-Version: 1.0");
        line(h, "Content-Type: multipart/report; report-type=delivery-status;");
        line(h, "\tboundary=\"" + boundary + "\"");
        line(h, "");
        line(h, "This is a MIME-encapsulated delivery status notification.");
        line(h, "");
        line(h, "--" + boundary);
        line(h, "Content-Type: text/plain; charset=utf-8");
        line(h, "Content-Transfer-Encoding: 8bit");
        line(h, "");
        human(h, report, main);
        line(h, "");
        line(h, "--" + boundary);
        line(h, "Content-Type: message/delivery-status");
        line(h, "");
        status(h, report);
        line(h, "--" + boundary);
        out.write(h.toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder part = new StringBuilder();
        if (full) {
            line(part, "Content-Type: message/rfc822");
            line(part, "Content-Transfer-Encoding: 8bit");
            line(part, "");
            out.write(part.toString().getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = original.open()) {
                copyWithoutReturnPath(in, out);
            }
        } else {
            line(part, "Content-Type: text/rfc822-headers");
            line(part, "Content-Transfer-Encoding: 8bit");
            line(part, "");
            out.write(part.toString().getBytes(StandardCharsets.US_ASCII));
            try (InputStream in = original.open()) {
                copyHeader(in, out);
            }
        }
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static byte[] random() {
        byte[] b = new byte[12];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String subject(Action main) {
        return switch (main) {
            case FAILED -> "Undelivered Mail Returned to Sender";
            case DELAYED -> "Delayed Mail (still being retried)";
            case DELIVERED, RELAYED -> "Successful Mail Delivery Report";
        };
    }

    private static void human(StringBuilder h, DeliveryReport r, Action main) {
        line(h, "This is the mail system at host " + r.reportingMta() + ".");
        line(h, "");
        line(h, switch (main) {
            case FAILED -> "Your message could not be delivered to one or more recipients.";
            case DELAYED -> "Your message has not been delivered yet to one or more recipients; delivery is"
                    + " still being retried. You do not need to send it again.";
            case DELIVERED, RELAYED -> "Your message was delivered (or passed on) as you asked to be told.";
        });
        line(h, "");
        for (RecipientReport rr : r.recipients()) {
            String why = rr.diagnostic().map(d -> ": " + d).orElse("");
            line(h, "<" + rr.finalRecipient() + ">: " + rr.action().value() + " (" + rr.status() + ")"
                    + rr.remoteMta().map(m -> " at " + m).orElse("") + why);
        }
    }

    private static void status(StringBuilder h, DeliveryReport r) {
        r.envelopeId().ifPresent(id -> line(h, "Original-Envelope-Id: " + clean(id))); // RFC 3464 §2.2.1
        line(h, "Reporting-MTA: dns; " + r.reportingMta()); // RFC 3464 §2.2.2
        line(h, "Arrival-Date: " + DATE.format(r.arrivalDate()));
        for (RecipientReport rr : r.recipients()) {
            line(h, "");
            rr.originalRecipient().ifPresent(o -> line(h, "Original-Recipient: " + clean(withSpace(o))));
            line(h, "Final-Recipient: rfc822; " + clean(rr.finalRecipient())); // RFC 3464 §2.3.2
            line(h, "Action: " + rr.action().value()); // RFC 3464 §2.3.3
            line(h, "Status: " + rr.status()); // RFC 3464 §2.3.4
            rr.remoteMta().ifPresent(m -> line(h, "Remote-MTA: dns; " + clean(m)));
            rr.diagnostic().ifPresent(d -> line(h, "Diagnostic-Code: smtp; " + clean(d)));
            line(h, "Last-Attempt-Date: " + DATE.format(rr.lastAttempt()));
            rr.willRetryUntil().ifPresent(t -> line(h, "Will-Retry-Until: " + DATE.format(t)));
        }
        line(h, "");
    }

    private static String withSpace(String orcpt) {
        int semi = orcpt.indexOf(';');
        return semi < 0 ? "rfc822; " + orcpt : orcpt.substring(0, semi) + "; " + orcpt.substring(semi + 1);
    }

    /** One line, no control characters, short enough for any line limit. */
    private static String clean(String s) {
        String t = s.replaceAll("[\\x00-\\x1f\\x7f]", " ");
        return t.length() > 900 ? t.substring(0, 900) : t;
    }

    private static void line(StringBuilder sb, String text) {
        sb.append(text).append("\r\n");
    }

    /** The header of the original (up to the empty line), without Return-Path, bounded. */
    private static void copyHeader(InputStream in, ByteArrayOutputStream out) throws IOException {
        byte[] head = in.readNBytes(MAX_HEADER_OCTETS);
        int end = head.length;
        for (int i = 0; i + 3 < head.length; i++) {
            if (head[i] == '\r' && head[i + 1] == '\n' && head[i + 2] == '\r' && head[i + 3] == '\n') {
                end = i + 2;
                break;
            }
        }
        copyWithoutReturnPath(new java.io.ByteArrayInputStream(head, 0, end), out);
    }

    private static void copyWithoutReturnPath(InputStream in, ByteArrayOutputStream out) throws IOException {
        byte[] head = in.readNBytes(8192);
        int skip = (int) dev.yubin.smtp.client.OutgoingMessage.returnPathLength(head);
        out.write(head, skip, head.length - skip);
        in.transferTo(out);
    }
}
