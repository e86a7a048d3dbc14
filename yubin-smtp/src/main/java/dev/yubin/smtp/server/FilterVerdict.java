package dev.yubin.smtp.server;

import java.util.List;

/**
 * What an {@link InboundFilter} decided about a received message.
 *
 * <p>Header fields are complete field lines without the final CRLF (e.g.
 * {@code Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=example.com}); folded
 * lines use CRLF followed by a space or tab. They are prepended to the stored message in filter
 * order, below {@code Return-Path:} and above our {@code Received:}.
 */
public sealed interface FilterVerdict {

    /**
     * Deliver, adding these header fields and removing {@code removedFields} (exact field texts as
     * received, e.g. forged Authentication-Results with our authserv-id, RFC 8601 §5).
     */
    record Accept(List<String> headers, List<String> removedFields) implements FilterVerdict {
        public Accept {
            headers = checked(headers);
            removedFields = List.copyOf(removedFields);
        }

        public Accept(List<String> headers) {
            this(headers, List.of());
        }
    }

    /** Refuse the message with a 5xx reply. */
    record Reject(SmtpReply reply) implements FilterVerdict {
        public Reject {
            if (reply.code() < 500) {
                throw new IllegalArgumentException("Reject needs a 5xx reply");
            }
        }
    }

    /** Deliver into each local recipient's Junk folder instead of INBOX (fields as for Accept). */
    record Quarantine(String reason, List<String> headers, List<String> removedFields) implements FilterVerdict {
        public Quarantine {
            headers = checked(headers);
            removedFields = List.copyOf(removedFields);
        }

        public Quarantine(String reason, List<String> headers) {
            this(reason, headers, List.of());
        }
    }

    /** Refuse for now with a 4xx reply; the client retries later. */
    record TempFail(SmtpReply reply) implements FilterVerdict {
        public TempFail {
            if (reply.code() < 400 || reply.code() >= 500) {
                throw new IllegalArgumentException("TempFail needs a 4xx reply");
            }
        }
    }

    Accept ACCEPT = new Accept(List.of());

    private static List<String> checked(List<String> headers) {
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("header field without name: " + h);
            }
            for (int i = 0; i < h.length(); i++) {
                char c = h.charAt(i);
                boolean folded = c == '\r' && i + 2 < h.length() && h.charAt(i + 1) == '\n'
                        && (h.charAt(i + 2) == ' ' || h.charAt(i + 2) == '\t');
                if (folded) {
                    i++;
                } else if (c == '\r' || c == '\n') {
                    throw new IllegalArgumentException("bare line break in header field"); // RFC 5322 §2.2.3
                }
            }
        }
        return List.copyOf(headers);
    }
}
