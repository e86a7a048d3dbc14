package dev.yubin.pop3;

import dev.yubin.core.LineEnds;
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
     * Sends the status line {@code status} (with its CRLF) and streams {@code body} to {@code sink},
     * in one write for a message that fits the buffer. With {@code bodyLines} ≥ 0 (TOP, RFC 1939
     * §7) only the header, the blank line after it and that many body lines are sent; -1 sends
     * everything.
     */
    void stream(byte[] status, InputStream body, OutputStream sink, long bodyLines) throws IOException {
        if (status.length > CHUNK) {
            throw new IllegalArgumentException("status line too long");
        }
        System.arraycopy(status, 0, out, 0, status.length);
        if (bodyLines < 0) {
            streamAll(status.length, body, sink);
        } else {
            streamTop(status.length, body, sink, bodyLines);
        }
    }

    /**
     * RETR: whole lines are copied in bulk between line ends ({@link LineEnds}); only a line that
     * starts with "." or ends in a bare LF costs an extra octet.
     */
    private void streamAll(int start, InputStream body, OutputStream sink) throws IOException {
        int o = start;
        boolean lineStart = true;
        boolean prevCr = false;
        int n;
        while ((n = body.read(in, 0, CHUNK)) > 0) {
            int i = 0;
            while (i < n) {
                if (lineStart && in[i] == '.') {
                    out[o++] = '.'; // RFC 1939 §3: byte-stuff a leading termination octet
                }
                int lf = LineEnds.lf(in, i, n);
                int len = lf - i;
                System.arraycopy(in, i, out, o, len);
                o += len;
                if (lf == n) { // the line goes on in the next read
                    prevCr = in[n - 1] == '\r';
                    lineStart = false;
                    break;
                }
                if (!(len > 0 ? in[lf - 1] == '\r' : prevCr)) {
                    out[o++] = '\r'; // a bare LF is sent as CRLF
                }
                out[o++] = '\n';
                lineStart = true;
                prevCr = false;
                i = lf + 1;
                o = drain(o, CHUNK, sink);
            }
            o = drain(o, CHUNK, sink);
        }
        finish(o, lineStart, prevCr, sink);
    }

    /** TOP: octet by octet, counting body lines. */
    private void streamTop(int start, InputStream body, OutputStream sink, long bodyLines) throws IOException {
        int o = start;
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
                o = drain(o, CHUNK * 2, sink);
            }
            o = drain(o, CHUNK, sink);
        }
        finish(o, lineStart, prevCr, sink);
    }

    /** Writes the buffered output once it holds {@code limit} octets; returns the new fill. */
    private int drain(int o, int limit, OutputStream sink) throws IOException {
        if (o < limit) {
            return o;
        }
        sink.write(out, 0, o);
        return 0;
    }

    /** Ends the last line if it lacks CRLF, adds the terminating ".", writes what is left. */
    private void finish(int o, boolean lineStart, boolean prevCr, OutputStream sink) throws IOException {
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
