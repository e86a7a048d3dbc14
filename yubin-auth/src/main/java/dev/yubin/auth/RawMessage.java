package dev.yubin.auth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A message split into header fields and body, octets untouched except that bare LF line ends
 * become CRLF (RFC 5322 §2.1 line form; SMTP delivers CRLF already). This is the view DKIM, ARC
 * and DMARC need: every field as received, in order, and the body as bytes.
 */
public final class RawMessage {

    private final List<HeaderField> headers;
    private final byte[] data;
    private final int bodyStart;

    private RawMessage(List<HeaderField> headers, byte[] data, int bodyStart) {
        this.headers = List.copyOf(headers);
        this.data = data;
        this.bodyStart = bodyStart;
    }

    public static RawMessage parse(byte[] message) {
        byte[] data = toCrlf(message);
        List<HeaderField> headers = new ArrayList<>();
        int pos = 0;
        StringBuilder current = null;
        String currentName = null;
        while (pos < data.length) {
            int eol = indexOfCrlf(data, pos);
            int lineEnd = eol < 0 ? data.length : eol + 2;
            if (eol == pos) { // empty line: end of header
                pos = lineEnd;
                break;
            }
            String line = new String(data, pos, lineEnd - pos, StandardCharsets.ISO_8859_1);
            if ((line.startsWith(" ") || line.startsWith("\t")) && current != null) {
                current.append(line);
            } else {
                if (current != null) {
                    headers.add(new HeaderField(currentName, current.toString()));
                }
                int colon = line.indexOf(':');
                if (colon > 0 && !line.substring(0, colon).isBlank()) {
                    currentName = line.substring(0, colon).strip();
                    current = new StringBuilder(line);
                } else {
                    current = null; // not a header field: ignored
                }
            }
            pos = lineEnd;
        }
        if (current != null) {
            headers.add(new HeaderField(currentName, current.toString()));
        }
        return new RawMessage(headers, data, Math.min(pos, data.length));
    }

    public List<HeaderField> headers() {
        return headers;
    }

    /** Fields named {@code name}, top to bottom. */
    public List<HeaderField> headers(String name) {
        return headers.stream().filter(h -> h.is(name)).toList();
    }

    public byte[] body() {
        return Arrays.copyOfRange(data, bodyStart, data.length);
    }

    /** The body length without copying. */
    public int bodyLength() {
        return data.length - bodyStart;
    }

    byte[] data() {
        return data;
    }

    int bodyStart() {
        return bodyStart;
    }

    /** The whole message (CRLF form). */
    public byte[] bytes() {
        return data.clone();
    }

    private static int indexOfCrlf(byte[] d, int from) {
        for (int i = from; i + 1 < d.length; i++) {
            if (d[i] == '\r' && d[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] toCrlf(byte[] in) {
        int bare = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
                bare++;
            }
        }
        if (bare == 0) {
            return in;
        }
        byte[] out = new byte[in.length + bare];
        int o = 0;
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '\n' && (i == 0 || in[i - 1] != '\r')) {
                out[o++] = '\r';
            }
            out[o++] = in[i];
        }
        return out;
    }
}
