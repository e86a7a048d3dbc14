package dev.yubin.auth.dkim;

import dev.yubin.auth.HeaderField;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/** RFC 6376 §3.4: the simple and relaxed canonicalisation algorithms for header fields and bodies. */
public enum Canonicalization {
    SIMPLE, RELAXED;

    public static Canonicalization fromTag(String s) throws DkimSyntaxException {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "simple" -> SIMPLE;
            case "relaxed" -> RELAXED;
            default -> throw new DkimSyntaxException("unknown canonicalization: " + s);
        };
    }

    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The canonical form of one header field, with its CRLF. */
    public String header(HeaderField field) {
        return this == SIMPLE ? field.raw() : relaxedHeader(field.name(), field.rawValue()) + "\r\n";
    }

    /**
     * RFC 6376 §3.4.2: lower-case name, unfold, runs of WSP to one SP, no WSP at the value's end
     * or around the colon. Returned without CRLF.
     */
    public static String relaxedHeader(String name, String rawValue) {
        String unfolded = rawValue.replace("\r\n", "");
        StringBuilder v = new StringBuilder(unfolded.length());
        boolean space = false;
        for (int i = 0; i < unfolded.length(); i++) {
            char c = unfolded.charAt(i);
            if (c == ' ' || c == '\t') {
                space = true;
                continue;
            }
            if (space && !v.isEmpty()) {
                v.append(' ');
            }
            space = false;
            v.append(c);
        }
        return name.strip().toLowerCase(Locale.ROOT) + ":" + v;
    }

    /** The canonical body (RFC 6376 §3.4.3, §3.4.4). {@code body} must use CRLF line ends. */
    public byte[] body(byte[] body) {
        return this == SIMPLE ? simpleBody(body) : relaxedBody(body);
    }

    private static byte[] simpleBody(byte[] body) {
        int end = body.length;
        while (end >= 4 && body[end - 1] == '\n' && body[end - 2] == '\r' && body[end - 3] == '\n' && body[end - 4] == '\r') {
            end -= 2; // RFC 6376 §3.4.3: remove empty lines at the end
        }
        if (end == 0) {
            return new byte[] {'\r', '\n'}; // an empty body is one CRLF
        }
        boolean endsWithCrlf = end >= 2 && body[end - 2] == '\r' && body[end - 1] == '\n';
        ByteArrayOutputStream out = new ByteArrayOutputStream(end + 2);
        out.write(body, 0, end);
        if (!endsWithCrlf) {
            out.write('\r');
            out.write('\n');
        }
        return out.toByteArray();
    }

    private static byte[] relaxedBody(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        int pendingEmptyLines = 0;
        int pos = 0;
        while (pos < body.length) {
            int eol = pos;
            while (eol < body.length && !(body[eol] == '\r' && eol + 1 < body.length && body[eol + 1] == '\n')) {
                eol++;
            }
            // one line [pos, eol): WSP runs become one SP, WSP at the end goes (RFC 6376 §3.4.4)
            ByteArrayOutputStream line = new ByteArrayOutputStream(eol - pos);
            boolean space = false;
            for (int i = pos; i < eol; i++) {
                byte b = body[i];
                if (b == ' ' || b == '\t') {
                    space = true;
                    continue;
                }
                if (space) {
                    line.write(' ');
                }
                space = false;
                line.write(b);
            }
            if (line.size() == 0) {
                pendingEmptyLines++;
            } else {
                for (int k = 0; k < pendingEmptyLines; k++) {
                    out.write('\r');
                    out.write('\n');
                }
                pendingEmptyLines = 0;
                out.writeBytes(line.toByteArray());
                out.write('\r');
                out.write('\n');
            }
            pos = eol + 2;
        }
        return out.toByteArray(); // an empty body stays empty
    }
}
