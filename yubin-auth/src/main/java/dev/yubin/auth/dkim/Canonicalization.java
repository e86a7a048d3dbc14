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

    /** Appends the canonical form of one header field, with its CRLF, without intermediate strings. */
    public void appendHeader(HeaderField field, StringBuilder out) {
        String raw = field.raw();
        if (this == SIMPLE) {
            out.append(raw);
            return;
        }
        String name = field.name();
        for (int i = 0; i < name.length(); i++) {
            out.append(Character.toLowerCase(name.charAt(i)));
        }
        out.append(':');
        int end = raw.endsWith("\r\n") ? raw.length() - 2 : raw.length();
        boolean space = false;
        boolean any = false;
        for (int i = raw.indexOf(':') + 1; i < end; i++) {
            char c = raw.charAt(i);
            if (c == '\r' && i + 1 < end && raw.charAt(i + 1) == '\n') {
                i++; // RFC 6376 §3.4.2: unfold
                continue;
            }
            if (c == ' ' || c == '\t') {
                space = true;
                continue;
            }
            if (space && any) {
                out.append(' '); // WSP runs become one SP; none before the value or at its end
            }
            space = false;
            any = true;
            out.append(c);
        }
        out.append("\r\n");
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

    /**
     * RFC 6376 §3.4.4 in one pass: WSP runs become one SP, WSP before a line end goes, empty lines
     * at the end go (lines are written as they come and the output is cut after the last line
     * with content), and a last line without CRLF gets one.
     */
    private static byte[] relaxedBody(byte[] body) {
        int n = body.length;
        byte[] out = new byte[n + 2]; // content never grows; at most one CRLF is added
        int o = 0;
        int kept = 0; // output length up to the end of the last line with content
        boolean space = false;
        boolean content = false;
        for (int i = 0; i < n; i++) {
            byte b = body[i];
            if (b == '\r' && i + 1 < n && body[i + 1] == '\n') {
                out[o++] = '\r';
                out[o++] = '\n';
                if (content) {
                    kept = o;
                }
                space = false;
                content = false;
                i++;
            } else if (b == ' ' || b == '\t') {
                space = true;
            } else {
                if (space) {
                    out[o++] = ' ';
                    space = false;
                }
                out[o++] = b;
                content = true;
            }
        }
        if (content) {
            out[o++] = '\r';
            out[o++] = '\n';
            kept = o;
        }
        return java.util.Arrays.copyOf(out, kept); // an empty body stays empty
    }
}
