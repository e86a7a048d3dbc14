package dev.yubin.pop3;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Sends a stored message as a POP3 multi-line response body (RFC 1939 §3): lines end in CRLF (a
 * bare LF is sent as CRLF), a line starting with "." gets one more "." (byte-stuffing), and the
 * response ends with ".CRLF" (after a CRLF added if the message lacks a final one).
 *
 * <p>Copies through one 64 KiB buffer in large writes; never holds the whole message.
 */
final class MessageStreamer {
    private static final int CHUNK = 64 * 1024;

    private final byte[] in = new byte[CHUNK];
    private final byte[] out = new byte[CHUNK * 2 + 8];

    /**
     * Streams {@code body} to {@code sink}. With {@code bodyLines} ≥ 0 (TOP, RFC 1939 §7) only the
     * header, the blank line after it and that many body lines are sent; -1 sends everything.
     */
    void stream(InputStream body, OutputStream sink, long bodyLines) throws IOException {
        int o = 0;
        boolean lineStart = true;
        boolean prevCr = false;
        boolean inHeader = true;
        int lineLength = 0;
        long linesSent = 0;
        int n;
        outer:
        while ((n = body.read(in, 0, CHUNK)) > 0) {
            for (int i = 0; i < n; i++) {
                byte b = in[i];
                if (lineStart && b == '.') {
                    out[o++] = '.'; // RFC 1939 §3: byte-stuff a leading termination octet
                }
                if (b == '\n') {
                    if (!prevCr) {
                        out[o++] = '\r';
                    }
                    out[o++] = '\n';
                    lineStart = true;
                    prevCr = false;
                    if (inHeader) {
                        if (lineLength == 0) {
                            inHeader = false; // the blank line ending the header
                            if (bodyLines == 0) {
                                break outer;
                            }
                        }
                    } else if (bodyLines > 0 && ++linesSent >= bodyLines) {
                        break outer;
                    }
                    lineLength = 0;
                } else {
                    out[o++] = b;
                    lineStart = false;
                    prevCr = b == '\r';
                    if (b != '\r') {
                        lineLength++;
                    }
                }
                if (o >= CHUNK * 2) {
                    sink.write(out, 0, o);
                    o = 0;
                }
            }
            if (o >= CHUNK) {
                sink.write(out, 0, o);
                o = 0;
            }
        }
        if (!lineStart) {
            if (!prevCr) {
                out[o++] = '\r';
            }
            out[o++] = '\n';
        }
        out[o++] = '.';
        out[o++] = '\r';
        out[o++] = '\n';
        sink.write(out, 0, o);
    }
}
