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
        StringBuilder sb = new StringBuilder();
        Map<String, Integer> nextFromBottom = new HashMap<>();
        for (String name : signedNames) {
            int skip = nextFromBottom.getOrDefault(name, 0);
            int seen = 0;
            for (int i = headers.size() - 1; i >= 0; i--) {
                HeaderField h = headers.get(i);
                if (h.is(name) && h != signatureField) {
                    if (seen++ == skip) {
                        sb.append(c.header(h));
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
        String head = raw.substring(0, colon + 1);
        String value = raw.substring(colon + 1);
        boolean crlf = value.endsWith("\r\n");
        if (crlf) {
            value = value.substring(0, value.length() - 2);
        }
        StringBuilder out = new StringBuilder(head);
        int start = 0;
        while (start <= value.length()) {
            int semi = value.indexOf(';', start);
            int end = semi < 0 ? value.length() : semi;
            String spec = value.substring(start, end);
            int eq = spec.indexOf('=');
            if (eq > 0 && spec.substring(0, eq).replace("\r\n", "").strip().equalsIgnoreCase("b")) {
                out.append(spec, 0, eq + 1);
            } else {
                out.append(spec);
            }
            if (semi < 0) {
                break;
            }
            out.append(';');
            start = semi + 1;
        }
        return out.append(crlf ? "\r\n" : "").toString();
    }
}
