package dev.yubin.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over a whole message building its MIME tree with byte offsets (RFC 2045, RFC 2046 §5.1).
 *
 * <p>Single pass like Dovecot and mime4j: every line is visited once; a line starting with "--" is
 * compared with the boundaries of the open multiparts, innermost first, and a match closes every part
 * opened since that multipart. So the cost is linear in the message size whatever the nesting, and
 * nothing recurses deeper than {@link MessageLimits#maxMimeDepth()}. Hostile input (missing boundaries,
 * junk, 10,000 nested multiparts) yields a valid tree: a multipart past the depth limit, or after
 * {@link MessageLimits#maxMimeParts()} parts, is kept as one opaque application/octet-stream part.
 */
final class MimeParser {

    static final MimeFields.ContentType TEXT_PLAIN =
            new MimeFields.ContentType("text", "plain", List.of(new Param("charset", "us-ascii")));
    static final MimeFields.ContentType MESSAGE_RFC822 =
            new MimeFields.ContentType("message", "rfc822", List.of());
    static final MimeFields.ContentType OCTET_STREAM =
            new MimeFields.ContentType("application", "octet-stream", List.of());

    /** A part being built; {@code end} is known once a delimiter or the end of input closes it. */
    static final class Node {
        int headerStart;
        int bodyStart;
        int end;
        final int lineFeedsBefore;
        long lines;
        final HeaderSection header;
        MimeFields.ContentType type;
        final String encoding;
        final int level;
        final List<Node> children = new ArrayList<>(0);
        Node message;
        final int openIndex;
        String boundary;
        boolean acceptsParts;
        /** For a multipart/alternative: octets of the text/plain alternative indexed for search. */
        int plainIndexed = -1;

        Node(int headerStart, HeaderSection header, int lineFeedsBefore, MimeFields.ContentType type, int level,
             int openIndex) {
            this.headerStart = headerStart;
            this.openIndex = openIndex;
            this.header = header;
            this.bodyStart = header.bodyStart;
            this.lineFeedsBefore = lineFeedsBefore;
            this.type = type;
            this.encoding = MimeFields.encoding(header.mime[HeaderSection.CONTENT_TRANSFER_ENCODING]);
            this.level = level;
        }
    }

    private final byte[] b;
    private final int end;
    private final MessageLimits limits;
    /** Where search text goes; null when the caller wants structure only (no decoding work). */
    private final MessageText.Builder search;
    private final List<Node> open = new ArrayList<>();
    private final HeaderSection.Delimiters delimiters = this::isDelimiterLine;
    private int pos;
    private int lineFeeds;
    private int parts;
    /** Open multiparts still accepting parts, by boundary (octets as ISO-8859-1), innermost last. */
    private final Map<String, List<Node>> active = new HashMap<>();
    private int longestBoundary;
    private boolean lastMatchCloses;
    int depth;
    boolean tooDeep;

    MimeParser(byte[] b, int start, int end, MessageLimits limits, MessageText.Builder search) {
        this.b = b;
        this.pos = start;
        this.end = end;
        this.limits = limits;
        this.search = search;
    }

    /** Parses the whole message; returns the root (a message header at the start). */
    Node parse() {
        Node root = openEntity(MimeParser.TEXT_PLAIN, 0, HeaderKind.MESSAGE);
        while (pos < end) {
            if (!active.isEmpty() && b[pos] == '-' && pos + 1 < end && b[pos + 1] == '-' && delimiter()) {
                continue;
            }
            int next = HeaderSection.endOfLine(b, pos, end);
            if (b[next - 1] == '\n') {
                lineFeeds++;
            }
            pos = next;
        }
        while (!open.isEmpty()) {
            close(open.remove(open.size() - 1), end, lineFeeds);
        }
        return root;
    }

    private enum HeaderKind { PART, MESSAGE }

    /** Opens the entity whose header starts at {@link #pos}; leaves {@link #pos} at its body. */
    private Node openEntity(MimeFields.ContentType defaultType, int level, HeaderKind kind) {
        int headerStart = pos;
        HeaderSection h = kind == HeaderKind.MESSAGE
                ? HeaderSection.message(b, pos, end, limits.maxHeaderBytes(), delimiters)
                : HeaderSection.part(b, pos, end, limits.maxHeaderBytes(), delimiters);
        lineFeeds += h.lineFeeds;
        pos = h.bodyStart;
        parts++;
        MimeFields.ContentType ct = MimeFields.contentType(h.mime[HeaderSection.CONTENT_TYPE]);
        if (ct == null) {
            ct = defaultType; // RFC 2045 §5.2: absent or invalid Content-Type
        }
        Node n = new Node(headerStart, h, lineFeeds, ct, level, open.size());
        open.add(n);
        if (kind == HeaderKind.MESSAGE && search != null) {
            // the top-level header is the message's header; an attached message's is part of the body
            SearchFeed.headers(level == 0 ? search.headers() : search.body(), h.cached);
        }
        if (ct.type().equals("multipart")) {
            String boundary = ct.param("boundary");
            boundary = boundary == null ? null : boundary.stripTrailing(); // RFC 2046 §5.1.1: no trailing space
            if (boundary == null || boundary.isEmpty()) {
                n.type = TEXT_PLAIN; // a multipart we cannot split is read as text
            } else if (container(n)) {
                // keyed by its octets, as delimiter lines are looked up by theirs
                activate(n, new String(boundary.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
            }
        } else if (ct.type().equals("message") && (ct.subtype().equals("rfc822") || ct.subtype().equals("global"))) {
            if (container(n)) {
                n.message = openEntity(TEXT_PLAIN, level + 1, HeaderKind.MESSAGE);
            }
        }
        return n;
    }

    /** True when {@code n} may hold sub-parts; past the limits it becomes an opaque leaf. */
    private boolean container(Node n) {
        int d = n.level + 1;
        if (d > limits.maxMimeDepth()) {
            tooDeep = true;
            depth = Math.max(depth, d);
            n.type = OCTET_STREAM;
            return false;
        }
        depth = Math.max(depth, d);
        if (parts >= limits.maxMimeParts()) {
            n.type = OCTET_STREAM;
            return false;
        }
        return true;
    }

    /** At a line starting with "--": handles it and returns true if it is a delimiter of an open multipart. */
    private boolean delimiter() {
        Node mp = delimitedPart(pos);
        if (mp == null) {
            return false;
        }
        boolean closing = lastMatchCloses;
        int eol = HeaderSection.endOfLine(b, pos, end);
        // RFC 2046 §5.1.1: the CRLF preceding the boundary delimiter belongs to the delimiter
        int contentEnd = pos;
        int feedsAtEnd = lineFeeds;
        if (contentEnd > 0 && b[contentEnd - 1] == '\n') {
            contentEnd--;
            feedsAtEnd--;
            if (contentEnd > 0 && b[contentEnd - 1] == '\r') {
                contentEnd--;
            }
        }
        while (open.get(open.size() - 1) != mp) {
            close(open.remove(open.size() - 1), contentEnd, feedsAtEnd);
        }
        if (b[eol - 1] == '\n') {
            lineFeeds++;
        }
        pos = eol;
        if (closing || parts >= limits.maxMimeParts()) {
            deactivate(mp);
        } else {
            mp.children.add(openEntity(mp.type.subtype().equals("digest") ? MESSAGE_RFC822 : TEXT_PLAIN,
                    mp.level + 1, HeaderKind.PART));
        }
        return true;
    }

    /**
     * The innermost open multipart whose delimiter is the line at {@code p} ("--" boundary, optionally
     * "--", then only transport padding, RFC 2046 §5.1.1), or null. One hash lookup per line whatever the
     * nesting; sets {@link #lastMatchCloses} for a close-delimiter.
     */
    private Node delimitedPart(int p) {
        if (active.isEmpty()) {
            return null;
        }
        int eol = HeaderSection.endOfLine(b, p, end);
        int t = eol;
        while (t > p + 2 && (b[t - 1] == '\n' || b[t - 1] == '\r' || b[t - 1] == ' ' || b[t - 1] == '\t')) {
            t--;
        }
        int len = t - p - 2;
        if (len > longestBoundary + 2) {
            return null;
        }
        String line = new String(b, p + 2, len, StandardCharsets.ISO_8859_1);
        Node delimiter = innermost(active.get(line));
        Node close = len >= 2 && b[t - 1] == '-' && b[t - 2] == '-'
                ? innermost(active.get(line.substring(0, len - 2))) : null;
        if (close != null && (delimiter == null || close.openIndex > delimiter.openIndex)) {
            lastMatchCloses = true;
            return close;
        }
        lastMatchCloses = false;
        return delimiter;
    }

    private static Node innermost(List<Node> nodes) {
        return nodes == null ? null : nodes.get(nodes.size() - 1);
    }

    private void activate(Node n, String boundary) {
        n.boundary = boundary;
        n.acceptsParts = true;
        active.computeIfAbsent(boundary, k -> new ArrayList<>(1)).add(n);
        longestBoundary = Math.max(longestBoundary, boundary.length());
    }

    private void deactivate(Node n) {
        n.acceptsParts = false;
        List<Node> same = active.get(n.boundary);
        same.remove(n);
        if (same.isEmpty()) {
            active.remove(n.boundary);
        }
    }

    private boolean isDelimiterLine(int p) {
        return delimitedPart(p) != null;
    }

    private void close(Node n, int contentEnd, int feedsAtEnd) {
        if (contentEnd < n.headerStart) {
            n.headerStart = contentEnd; // opened on the delimiter line itself: an empty entity
        }
        n.end = contentEnd;
        if (n.bodyStart > n.end) {
            n.bodyStart = n.end; // header cut off before its end
        }
        if (n.acceptsParts) {
            deactivate(n);
        }
        int size = n.end - n.bodyStart;
        long feeds = Math.max(0, (long) feedsAtEnd - n.lineFeedsBefore);
        n.lines = size == 0 ? 0 : Math.min(feeds + (b[n.end - 1] != '\n' ? 1 : 0), size);
        if (n.boundary != null && n.children.isEmpty()) {
            // a multipart without any delimiter: its body becomes one header-less text part
            HeaderSection empty = HeaderSection.part(b, n.bodyStart, n.bodyStart, 1, HeaderSection.Delimiters.NONE);
            Node only = new Node(n.bodyStart, empty, n.lineFeedsBefore, TEXT_PLAIN, n.level + 1, n.openIndex + 1);
            only.end = n.end;
            only.lines = n.lines;
            n.children.add(only);
            if (search != null) {
                SearchFeed.leaf(search.body(), b, only);
            }
        } else if (n.boundary == null && n.message == null) {
            feedLeaf(n);
        }
    }

    /**
     * Indexes a leaf for search, except a richer alternative (HTML) of text already indexed through
     * its multipart/alternative's text/plain part (RFC 2046 §5.1.4): same text, twice the work. A
     * plain part much smaller than the HTML ("view this mail in HTML") does not count.
     */
    private void feedLeaf(Node n) {
        if (search == null) {
            return;
        }
        Node alternative = null;
        for (int k = open.size() - 1; k >= 0; k--) {
            Node a = open.get(k);
            if (a.boundary != null && a.type.subtype().equals("alternative")) {
                alternative = a;
                break;
            }
        }
        boolean plain = n.type.type().equals("text") && n.type.subtype().equals("plain");
        int size = n.end - n.bodyStart;
        if (alternative != null && !plain && alternative.plainIndexed >= 0
                && (long) alternative.plainIndexed * 8 >= size) {
            return;
        }
        SearchFeed.leaf(search.body(), b, n);
        if (plain && alternative != null && open.get(open.size() - 1) == alternative) {
            alternative.plainIndexed = Math.max(alternative.plainIndexed, size);
        }
    }
}
