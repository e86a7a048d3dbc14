package dev.yubin.message;

import java.util.HashMap;
import java.util.Map;

/**
 * One header section (RFC 5322 §2.2, RFC 2045 §3) scanned from raw bytes: where it ends and the
 * unfolded values of the fields Yubin cares about. Lenient like Dovecot: lines without a colon are
 * ignored, bare LF is accepted as a line end, the header ends at the first empty line or at the end of
 * the part, and fields that start after {@code maxHeaderBytes} are skipped (still scanned for the end).
 */
final class HeaderSection {

    /** Longest value kept for one field (a 1 MB Subject must not be copied into every FETCH). */
    static final int MAX_VALUE_CHARS = 64 * 1024;

    static final int CONTENT_TYPE = 0;
    static final int CONTENT_TRANSFER_ENCODING = 1;
    static final int CONTENT_ID = 2;
    static final int CONTENT_DESCRIPTION = 3;
    static final int CONTENT_MD5 = 4;
    static final int CONTENT_DISPOSITION = 5;
    static final int CONTENT_LANGUAGE = 6;
    static final int CONTENT_LOCATION = 7;
    private static final int MIME_FIELDS = 8;
    private static final int RECEIVED = 100;
    private static final int CACHED = 101;

    private static final Map<String, Integer> KNOWN = new HashMap<>();

    static {
        String[] mime = {"content-type", "content-transfer-encoding", "content-id", "content-description",
            "content-md5", "content-disposition", "content-language", "content-location"};
        for (int k = 0; k < mime.length; k++) {
            KNOWN.put(mime[k], k);
        }
        KNOWN.put("received", RECEIVED);
        for (String h : MessageSummary.CACHED_HEADERS) {
            KNOWN.put(h, CACHED);
        }
    }

    /** First value of each MIME field, indexed by the constants above; null when absent. */
    final String[] mime = new String[MIME_FIELDS];
    /** First value of each cached message header (only when scanned as a message header). */
    final Map<String, String> cached;
    int receivedCount;
    /** Offset of the first body octet (just past the empty line, or where the header was cut off). */
    int bodyStart;
    /** Line feeds consumed by the header (to count body lines without a second pass). */
    int lineFeeds;

    /** Tells whether a line starting with "--" is a multipart delimiter of an enclosing part. */
    interface Delimiters {
        Delimiters NONE = p -> false;

        boolean isDelimiter(int lineStart);
    }

    private HeaderSection(boolean messageHeader) {
        this.cached = messageHeader ? new HashMap<>(16) : null;
    }

    /** Scans a MIME part header (only Content-* fields are kept). */
    static HeaderSection part(byte[] b, int start, int limit, int maxBytes, Delimiters delimiters) {
        HeaderSection h = new HeaderSection(false);
        h.scan(b, start, limit, maxBytes, delimiters);
        return h;
    }

    /** Scans a message header: Content-* fields, cached headers and the Received: count. */
    static HeaderSection message(byte[] b, int start, int limit, int maxBytes, Delimiters delimiters) {
        HeaderSection h = new HeaderSection(true);
        h.scan(b, start, limit, maxBytes, delimiters);
        return h;
    }

    private void scan(byte[] b, int start, int limit, int maxBytes, Delimiters delimiters) {
        int fieldLimit = (int) Math.min(limit, (long) start + maxBytes);
        int p = start;
        int fieldStart = -1;
        int fieldEnd = -1;
        while (p < limit) {
            byte c = b[p];
            if (c == '\n') {
                field(b, fieldStart, fieldEnd, fieldLimit);
                bodyStart = p + 1;
                lineFeeds++;
                return;
            }
            if (c == '\r' && (p + 1 == limit || b[p + 1] == '\n')) {
                field(b, fieldStart, fieldEnd, fieldLimit);
                bodyStart = Math.min(p + 2, limit);
                lineFeeds += bodyStart - p - 1;
                return;
            }
            if (c == '-' && p + 1 < limit && b[p + 1] == '-' && delimiters.isDelimiter(p)) {
                field(b, fieldStart, fieldEnd, fieldLimit);
                bodyStart = p; // a part header cut off by the next boundary: no body
                return;
            }
            int next = endOfLine(b, p, limit);
            if (b[next - 1] == '\n') {
                lineFeeds++;
            }
            if ((c == ' ' || c == '\t') && fieldStart >= 0) {
                fieldEnd = next; // RFC 5322 §2.2.3 folded continuation line
            } else {
                field(b, fieldStart, fieldEnd, fieldLimit);
                fieldStart = p;
                fieldEnd = next;
            }
            p = next;
        }
        field(b, fieldStart, fieldEnd, fieldLimit);
        bodyStart = limit;
    }

    static int endOfLine(byte[] b, int p, int limit) {
        while (p < limit) {
            if (b[p++] == '\n') {
                return p;
            }
        }
        return limit;
    }

    private void field(byte[] b, int start, int end, int fieldLimit) {
        if (start < 0 || start >= fieldLimit) {
            return;
        }
        end = Math.min(end, fieldLimit);
        int colon = -1;
        for (int k = start; k < end && k - start < 80; k++) {
            if (b[k] == ':') {
                colon = k;
                break;
            }
        }
        if (colon <= start) {
            return;
        }
        int nameEnd = colon;
        while (nameEnd > start && (b[nameEnd - 1] == ' ' || b[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        String name = lowerAscii(b, start, nameEnd);
        Integer code = KNOWN.get(name);
        if (code == null) {
            return;
        }
        int k = code;
        if (k == RECEIVED) {
            receivedCount++;
        } else if (k == CACHED) {
            if (cached != null && !cached.containsKey(name)) {
                cached.put(name, value(b, colon + 1, end));
            }
        } else if (mime[k] == null) {
            mime[k] = value(b, colon + 1, end);
        }
    }

    private static String lowerAscii(byte[] b, int start, int end) {
        char[] c = new char[end - start];
        for (int k = start; k < end; k++) {
            int x = b[k] & 0xff;
            c[k - start] = (char) (x >= 'A' && x <= 'Z' ? x + 32 : x);
        }
        return new String(c);
    }

    /** The unfolded value (RFC 5322 §2.2.3: CRLF removed), trimmed, decoded as UTF-8 (RFC 6532) or Latin-1. */
    static String value(byte[] b, int start, int end) {
        while (start < end && (b[start] == ' ' || b[start] == '\t')) {
            start++;
        }
        while (end > start && (b[end - 1] == '\r' || b[end - 1] == '\n' || b[end - 1] == ' ' || b[end - 1] == '\t')) {
            end--;
        }
        end = Math.min(end, start + MAX_VALUE_CHARS);
        boolean folded = false;
        for (int k = start; k < end; k++) {
            if (b[k] == '\r' || b[k] == '\n' || b[k] == 0) {
                folded = true;
                break;
            }
        }
        if (!folded) {
            return Charsets.headerString(b, start, end - start);
        }
        byte[] u = new byte[end - start];
        int n = 0;
        for (int k = start; k < end; k++) {
            // CR LF go (unfolding); NUL goes too: no SQL text column or JSON consumer wants it
            if (b[k] != '\r' && b[k] != '\n' && b[k] != 0) {
                u[n++] = b[k];
            }
        }
        return Charsets.headerString(u, 0, n);
    }
}
