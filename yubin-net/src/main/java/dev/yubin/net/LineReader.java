package dev.yubin.net;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads CRLF-terminated protocol lines and raw octets from a socket, never allocating more than
 * its limit for one line, whatever the peer sends.
 *
 * <p>A line is the octets before CRLF. A bare LF or a bare CR inside a line is reported as
 * {@link Line.Status#BARE_LF} / {@link Line.Status#BARE_CR} (RFC 5321 §2.3.8: SMTP lines end only
 * with CRLF; accepting bare LF enables SMTP smuggling). A line longer than the limit is consumed
 * up to its end and reported as {@link Line.Status#TOO_LONG} without keeping its text.
 */
public final class LineReader {
    private final InputStream in;
    private final int maxLineLength;
    private final byte[] buf = new byte[16 * 1024];
    private int pos;
    private int limit;
    private byte[] line;

    public LineReader(InputStream in, int maxLineLength) {
        this.in = in;
        this.maxLineLength = maxLineLength;
        this.line = new byte[Math.min(maxLineLength, 1024)];
    }

    public int maxLineLength() {
        return maxLineLength;
    }

    /** A line as read. {@code bytes} is null unless status is OK (or bare CR/LF, for diagnostics). */
    public record Line(Status status, byte[] bytes, int length) {
        public enum Status { OK, BARE_LF, BARE_CR, TOO_LONG, EOF }

        public String text() {
            return bytes == null ? "" : new String(bytes, 0, length, StandardCharsets.UTF_8);
        }

        public String ascii() {
            return bytes == null ? "" : new String(bytes, 0, length, StandardCharsets.ISO_8859_1);
        }

        public boolean ok() {
            return status == Status.OK;
        }
    }

    private boolean fill() throws IOException {
        if (pos < limit) {
            return true;
        }
        int n = in.read(buf, 0, buf.length);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    /**
     * Reads the next line. The returned bytes are valid until the next call. With
     * {@code strictCrlf}, a bare CR or LF ends the line with the matching status; without it, a
     * bare LF ends the line normally (for lenient protocols such as POP3/IMAP commands) and bare
     * CR is kept as data.
     */
    public Line readLine(boolean strictCrlf) throws IOException {
        int len = 0;
        boolean tooLong = false;
        boolean sawCr = false;
        while (true) {
            if (!fill()) {
                return new Line(Line.Status.EOF, null, 0);
            }
            byte b = buf[pos++];
            if (sawCr) {
                sawCr = false;
                if (b == '\n') {
                    return tooLong ? new Line(Line.Status.TOO_LONG, null, 0) : new Line(Line.Status.OK, line, len);
                }
                if (strictCrlf) {
                    pos--; // the byte after the bare CR starts the next line
                    return tooLong ? new Line(Line.Status.TOO_LONG, null, 0) : new Line(Line.Status.BARE_CR, line, len);
                }
                len = append((byte) '\r', len, tooLong);
                tooLong |= len < 0;
                len = Math.max(len, 0);
            }
            if (b == '\r') {
                sawCr = true;
                continue;
            }
            if (b == '\n') {
                if (tooLong) {
                    return new Line(Line.Status.TOO_LONG, null, 0);
                }
                return new Line(strictCrlf ? Line.Status.BARE_LF : Line.Status.OK, line, len);
            }
            int n = append(b, len, tooLong);
            if (n < 0) {
                tooLong = true;
                len = 0;
            } else {
                len = n;
            }
        }
    }

    /** Appends one byte; returns the new length, or -1 once the limit is passed. */
    private int append(byte b, int len, boolean tooLong) {
        if (tooLong) {
            return -1;
        }
        if (len >= maxLineLength) {
            return -1;
        }
        if (len == line.length) {
            line = java.util.Arrays.copyOf(line, Math.min(maxLineLength, line.length * 2));
        }
        line[len] = b;
        return len + 1;
    }

    /** Reads the next octet; -1 at EOF. Blocks only when nothing is buffered ({@link #buffered()} is 0). */
    public int readByte() throws IOException {
        if (!fill()) {
            return -1;
        }
        return buf[pos++] & 0xff;
    }

    /** Octets already read from the socket and not yet consumed: reading that many never blocks. */
    public int buffered() {
        return limit - pos;
    }

    /** Reads up to {@code len} raw octets (for literals and BDAT chunks); -1 at EOF. */
    public int read(byte[] dst, int off, int len) throws IOException {
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, limit - pos);
        System.arraycopy(buf, pos, dst, off, n);
        pos += n;
        return n;
    }

    /**
     * Gives back the last {@code n} octets returned by the immediately preceding {@link #read}
     * (they are still in the buffer), so a caller that scanned past the end of its data leaves
     * the rest for the next reader.
     */
    public void unread(int n) {
        if (n < 0 || n > pos) {
            throw new IllegalArgumentException("cannot unread " + n + " octets");
        }
        pos -= n;
    }

    /** Reads exactly {@code len} octets into {@code dst}, or throws {@link java.io.EOFException}. */
    public void readFully(byte[] dst, int off, int len) throws IOException {
        while (len > 0) {
            int n = read(dst, off, len);
            if (n < 0) {
                throw new java.io.EOFException("connection closed inside a literal");
            }
            off += n;
            len -= n;
        }
    }

    /** Skips exactly {@code n} octets (e.g. an oversized literal being discarded). */
    public void skipFully(long n) throws IOException {
        while (n > 0) {
            if (!fill()) {
                throw new java.io.EOFException("connection closed while skipping");
            }
            int k = (int) Math.min(n, limit - pos);
            pos += k;
            n -= k;
        }
    }

    /** True if bytes the client already sent are waiting (pipelining detection). */
    public boolean hasBuffered() throws IOException {
        return pos < limit || in.available() > 0;
    }

    /** Drops everything buffered (before a TLS handshake). */
    public void discardBuffered() {
        pos = 0;
        limit = 0;
    }
}
