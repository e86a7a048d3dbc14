package dev.yubin.message;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What IMAP needs of a message without reading it again: ENVELOPE, BODYSTRUCTURE with part offsets,
 * the header length and a few unfolded header values. Immutable; stored by the store as the opaque
 * string {@link #toJson()}.
 */
public final class MessageSummary {

    /** Header fields whose first value is kept (lower-case names). */
    public static final List<String> CACHED_HEADERS = List.of("date", "subject", "from", "sender",
            "reply-to", "to", "cc", "bcc", "in-reply-to", "message-id", "references");

    private final long headerLength;
    private final Map<String, String> headers;
    private final BodyPart body;
    private final OffsetDateTime sentDate;
    private volatile Envelope envelope;

    MessageSummary(long headerLength, Map<String, String> headers, BodyPart body, OffsetDateTime sentDate) {
        this.headerLength = headerLength;
        this.headers = Map.copyOf(headers);
        this.body = Objects.requireNonNull(body, "body");
        this.sentDate = sentDate;
    }

    /** ENVELOPE data (RFC 9051 §7.5.2) of the message. */
    public Envelope envelope() {
        Envelope e = envelope;
        if (e == null) {
            e = Envelopes.of(headers);
            envelope = e;
        }
        return e;
    }

    /** Root of the MIME tree (BODYSTRUCTURE data and offsets). */
    public BodyPart body() {
        return body;
    }

    /** The part at an IMAP section path such as "1.2.3"; see {@link BodyPart#part(String)}. */
    public Optional<BodyPart> part(String sectionPath) {
        return body.part(sectionPath);
    }

    /** Octets of the top-level header including its blank line: BODY[HEADER] is [0, headerLength). */
    public long headerLength() {
        return headerLength;
    }

    /**
     * First value of a cached header ({@link #CACHED_HEADERS}), unfolded, as written (encoded-words not
     * decoded); empty when absent or not cached.
     */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The parsed Date: header, when present and readable. */
    public Optional<Instant> sentDate() {
        return sentDate == null ? Optional.empty() : Optional.of(sentDate.toInstant());
    }

    /** The parsed Date: header with the sender's offset (SENTBEFORE etc. compare its local date). */
    public Optional<OffsetDateTime> sentDateTime() {
        return Optional.ofNullable(sentDate);
    }

    /** Compact JSON form; {@link #fromJson(String)} reads it back. */
    public String toJson() {
        return SummaryJson.write(this);
    }

    /** Reads {@link #toJson()} output; throws IllegalArgumentException for anything else. */
    public static MessageSummary fromJson(String json) {
        return SummaryJson.read(json);
    }

    Map<String, String> headers() {
        return headers;
    }

    OffsetDateTime sentDateOrNull() {
        return sentDate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MessageSummary s && s.headerLength == headerLength && s.headers.equals(headers)
                && s.body.equals(body) && Objects.equals(s.sentDate, sentDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(headerLength, headers, body);
    }

    @Override
    public String toString() {
        return "MessageSummary" + toJson();
    }
}
