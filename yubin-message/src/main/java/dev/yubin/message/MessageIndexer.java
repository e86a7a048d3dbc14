package dev.yubin.message;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parses a whole RFC 5322 message once and returns everything the servers need of it: ENVELOPE and
 * BODYSTRUCTURE data with part offsets, MIME depth and the Received: count ({@link #index}); and,
 * separately, because decoding text costs as much again and is only needed by the deferred
 * full-text index, the search text ({@link #text}).
 * Thread-safe (no state besides its limits); never throws for malformed MIME (best effort, like Dovecot).
 */
public final class MessageIndexer {

    private final MessageLimits limits;

    public MessageIndexer(MessageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public MessageLimits limits() {
        return limits;
    }

    /** Reads the stream to its end and indexes it; only the stream's IOException escapes. */
    public IndexedMessage index(InputStream rfc822) throws IOException {
        byte[] all = rfc822.readAllBytes();
        return index(all, 0, all.length);
    }

    /**
     * Indexes {@code len} octets of {@code rfc822} from {@code off} (CRLF line ends; bare LF is
     * tolerated). Offsets in the result count from {@code off}.
     */
    public IndexedMessage index(byte[] rfc822, int off, int len) {
        Objects.checkFromIndexSize(off, len, rfc822.length);
        MimeParser parser = new MimeParser(rfc822, off, off + len, limits, null);
        MimeParser.Node root = parser.parse();
        Map<String, String> headers = root.header.cached;
        BodyPart body = toPart(root, off);
        OffsetDateTime date = DateHeader.parse(headers.get("date")).orElse(null);
        MessageSummary summary = new MessageSummary(root.bodyStart - off, headers, body, date);
        return new IndexedMessage(summary, parser.depth, parser.tooDeep, root.header.receivedCount, len);
    }

    /** Reads the stream to its end and returns its search text; only the stream's IOException escapes. */
    public MessageText text(InputStream rfc822) throws IOException {
        byte[] all = rfc822.readAllBytes();
        return text(all, 0, all.length);
    }

    /** The search text of {@code len} octets of {@code rfc822} from {@code off}. */
    public MessageText text(byte[] rfc822, int off, int len) {
        Objects.checkFromIndexSize(off, len, rfc822.length);
        MessageText.Builder text = new MessageText.Builder(limits);
        new MimeParser(rfc822, off, off + len, limits, text).parse();
        return text.build();
    }

    /** Converts the parser's tree to records; depth is bounded by the parser's depth limit. */
    private static BodyPart toPart(MimeParser.Node n, int base) {
        MimeFields.ContentType ct = n.type;
        String[] mime = n.header.mime;
        List<Param> params = ct.params();
        if (ct.type().equals("text") && ct.param("charset") == null) {
            // RFC 2045 §5.2 default charset, made explicit as IMAP servers do
            List<Param> withCharset = new ArrayList<>(params.size() + 1);
            withCharset.add(new Param("charset", "us-ascii"));
            withCharset.addAll(params);
            params = withCharset;
        }
        List<BodyPart> children = List.of();
        if (!n.children.isEmpty()) {
            List<BodyPart> c = new ArrayList<>(n.children.size());
            for (MimeParser.Node child : n.children) {
                c.add(toPart(child, base));
            }
            children = c;
        }
        Envelope envelope = null;
        BodyPart message = null;
        if (n.message != null) {
            envelope = Envelopes.of(n.message.header.cached);
            message = toPart(n.message, base);
        }
        boolean hasLines = ct.type().equals("text") || message != null;
        MimeFields.Disposition d = MimeFields.disposition(mime[HeaderSection.CONTENT_DISPOSITION]);
        return new BodyPart(ct.type(), ct.subtype(), params, mime[HeaderSection.CONTENT_ID],
                mime[HeaderSection.CONTENT_DESCRIPTION], n.encoding, n.end - n.bodyStart,
                hasLines ? n.lines : 0, mime[HeaderSection.CONTENT_MD5], d == null ? null : d.value(),
                d == null ? List.of() : d.params(), MimeFields.language(mime[HeaderSection.CONTENT_LANGUAGE]),
                mime[HeaderSection.CONTENT_LOCATION], children, envelope, message,
                n.headerStart - base, n.bodyStart - base, n.end - base);
    }
}
