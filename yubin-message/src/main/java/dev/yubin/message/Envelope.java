package dev.yubin.message;

import java.util.List;
import java.util.Objects;

/**
 * IMAP ENVELOPE data (RFC 9051 §7.5.2). Strings are the unfolded header values as written
 * (encoded-words not decoded), {@code null} when the header is absent (NIL). An empty address list
 * is NIL. Sender and Reply-To already default to From when absent or empty, as the RFC requires.
 */
public record Envelope(String date, String subject, List<Address> from, List<Address> sender,
                       List<Address> replyTo, List<Address> to, List<Address> cc, List<Address> bcc,
                       String inReplyTo, String messageId) {

    public static final Envelope EMPTY = new Envelope(null, null, List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), null, null);

    public Envelope {
        from = List.copyOf(Objects.requireNonNull(from, "from"));
        sender = List.copyOf(Objects.requireNonNull(sender, "sender"));
        replyTo = List.copyOf(Objects.requireNonNull(replyTo, "replyTo"));
        to = List.copyOf(Objects.requireNonNull(to, "to"));
        cc = List.copyOf(Objects.requireNonNull(cc, "cc"));
        bcc = List.copyOf(Objects.requireNonNull(bcc, "bcc"));
    }
}
