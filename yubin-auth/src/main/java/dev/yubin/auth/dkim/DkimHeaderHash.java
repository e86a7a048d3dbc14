package dev.yubin.auth.dkim;

import dev.yubin.auth.HeaderField;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds the header data a DKIM (or ARC) signature covers (RFC 6376 §3.7, §5.4.2). */
public final class DkimHeaderHash {

    private DkimHeaderHash() {
    }

    /**
     * The canonical signed header fields in h= order, each instance picked from the bottom up
     * (RFC 6376 §5.4.2; names without a remaining instance contribute nothing), then the
     * signature field itself with an empty b= value and without its final CRLF.
     */
    public static byte[] signedData(List<HeaderField> headers, List<String> signedNames, Canonicalization c,
                                    HeaderField signatureField) {
        StringBuilder sb = new StringBuilder(1024);
        Map<String, Integer> nextFromBottom = new HashMap<>();
        for (String name : signedNames) {
            int skip = nextFromBottom.getOrDefault(name, 0);
            int seen = 0;
            for (int i = headers.size() - 1; i >= 0; i--) {
                HeaderField h = headers.get(i);
                if (h.is(name) && h != signatureField) {
                    if (seen++ == skip) {
                        c.appendHeader(h, sb);
                        break;
                    }
                }
            }
            nextFromBottom.put(name, skip + 1);
        }
        HeaderField withoutB = new HeaderField(signatureField.name(), withEmptyB(signatureField.raw()));
        String last = c.header(withoutB);
        sb.append(last, 0, last.length() - 2); // RFC 6376 §3.7: no trailing CRLF on the signature field
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Deletes the value of the b= tag, keeping "b=" and everything else as is (RFC 6376 §3.5 b=). */
    static String withEmptyB(String raw) {
        int colon = raw.indexOf(':');
        int end = raw.endsWith("\r\n") ? raw.length() - 2 : raw.length();
        StringBuilder out = new StringBuilder(raw.length());
        out.append(raw, 0, colon + 1);
        int start = colon + 1;
        while (true) {
            int semi = raw.indexOf(';', start);
            if (semi >= end) {
                semi = -1;
            }
            int specEnd = semi < 0 ? end : semi;
            int eq = raw.indexOf('=', start);
            if (eq >= 0 && eq < specEnd && isB(raw, start, eq)) {
                out.append(raw, start, eq + 1);
            } else {
                out.append(raw, start, specEnd);
            }
            if (semi < 0) {
                break;
            }
            out.append(';');
            start = semi + 1;
        }
        return out.append(raw, end, raw.length()).toString();
    }

    /** True if raw[from, to) is "b" (any case) with only whitespace around it. */
    private static boolean isB(String raw, int from, int to) {
        while (from < to && Character.isWhitespace(raw.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(raw.charAt(to - 1))) {
            to--;
        }
        return to - from == 1 && (raw.charAt(from) == 'b' || raw.charAt(from) == 'B');
    }
}
