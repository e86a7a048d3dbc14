package dev.yubin.imap.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;

/**
 * Encodes IMAP responses (RFC 9051 §7) into one buffer in front of the socket: atoms, numbers,
 * quoted strings, literals and NIL. Each session owns a small buffer (idle sessions stay cheap); a
 * bigger response borrows a full-size buffer from a pool shared by all sessions and gives it back
 * at the flush, so a FETCH of a message is one write of one buffer, without growing (allocating
 * and copying) a buffer step by step for every command. Past the cap the buffer is written through.
 *
 * <p>Strings are sent quoted when they are short, 7-bit (or UTF-8 once the client enabled it,
 * RFC 6855 §3) and free of CR/LF; otherwise as a literal.
 */
public final class ResponseWriter {
    private static final int MAX_BUFFER = 64 * 1024;
    private static final int SMALL_BUFFER = 1024;
    /** Full-size buffers kept for reuse; more than this many responses in flight allocate their own. */
    private static final ArrayBlockingQueue<byte[]> POOL = new ArrayBlockingQueue<>(64);
    private static final byte[] NIL = {'N', 'I', 'L'};

    private OutputStream out;
    private final byte[] small = new byte[SMALL_BUFFER];
    private byte[] buf = small;
    private int n;
    private boolean utf8;

    public ResponseWriter(OutputStream out) {
        this.out = out;
    }

    /** Replaces the stream underneath (after STARTTLS or COMPRESS); call after {@link #flush()}. */
    public void setOutput(OutputStream out) {
        this.out = out;
    }

    /** Allows raw UTF-8 in quoted strings (UTF8=ACCEPT or IMAP4rev2). */
    public void allowUtf8() {
        this.utf8 = true;
    }

    private void ensure(int extra) throws IOException {
        if (n + extra <= buf.length) {
            return;
        }
        if (buf == small) {
            byte[] big = POOL.poll();
            if (big == null) {
                big = new byte[MAX_BUFFER];
            }
            System.arraycopy(small, 0, big, 0, n); // never sent beyond n: no other session's bytes leak
            buf = big;
            if (n + extra <= MAX_BUFFER) {
                return;
            }
        }
        drain();
    }

    private void drain() throws IOException {
        if (n > 0) {
            out.write(buf, 0, n);
            n = 0;
        }
    }

    public ResponseWriter ascii(String s) throws IOException {
        int l = s.length();
        if (l > MAX_BUFFER / 2) {
            return bytes(s.getBytes(StandardCharsets.UTF_8));
        }
        ensure(l);
        for (int i = 0; i < l; i++) {
            buf[n++] = (byte) s.charAt(i);
        }
        return this;
    }

    public ResponseWriter ch(char c) throws IOException {
        ensure(1);
        buf[n++] = (byte) c;
        return this;
    }

    public ResponseWriter sp() throws IOException {
        return ch(' ');
    }

    public ResponseWriter number(long v) throws IOException {
        if (v >= 0 && v < 10) {
            return ch((char) ('0' + v));
        }
        return ascii(Long.toString(v));
    }

    public ResponseWriter crlf() throws IOException {
        ensure(2);
        buf[n++] = '\r';
        buf[n++] = '\n';
        return this;
    }

    public ResponseWriter bytes(byte[] data) throws IOException {
        return bytes(data, 0, data.length);
    }

    public ResponseWriter bytes(byte[] data, int off, int len) throws IOException {
        if (len > MAX_BUFFER - n) {
            drain();
            if (len > MAX_BUFFER / 2) {
                out.write(data, off, len);
                return this;
            }
        }
        ensure(len);
        System.arraycopy(data, off, buf, n, len);
        n += len;
        return this;
    }

    /** Copies exactly {@code len} octets from {@code in} (a literal's body). */
    public ResponseWriter copy(InputStream in, long len) throws IOException {
        long left = len;
        while (left > 0) {
            if (n == buf.length) {
                ensure(1);
            } else if (buf == small && left > buf.length - n) {
                ensure((int) Math.min(left, MAX_BUFFER - n)); // the literal goes into one full-size buffer
            }
            int r = in.read(buf, n, (int) Math.min(left, buf.length - n));
            if (r < 0) {
                // the blob is shorter than promised: pad so the client stays in step
                while (left > 0) {
                    ensure(1);
                    buf[n++] = ' ';
                    left--;
                }
                break;
            }
            n += r;
            left -= r;
        }
        return this;
    }

    public ResponseWriter nil() throws IOException {
        return bytes(NIL);
    }

    /** NIL for null, otherwise a string. */
    public ResponseWriter nstring(String s) throws IOException {
        return s == null ? nil() : string(s);
    }

    /** A quoted string or a literal, whichever the content allows. */
    public ResponseWriter string(String s) throws IOException {
        int l = s.length();
        boolean quotable = l < 1024;
        for (int i = 0; i < l && quotable; i++) {
            char c = s.charAt(i);
            if (c == '\r' || c == '\n' || c == 0 || (c >= 0x80 && !utf8)) {
                quotable = false;
            }
        }
        if (!quotable) {
            return literal(s.getBytes(StandardCharsets.UTF_8));
        }
        ensure(l * 3 + 2);
        buf[n++] = '"';
        for (int i = 0; i < l; i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                ensure(l * 3 + 2);
                buf[n++] = '\\';
                buf[n++] = (byte) c;
            } else if (c < 0x80) {
                buf[n++] = (byte) c;
            } else {
                byte[] u = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < l) {
                    u = s.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                ensure(u.length + l * 3);
                System.arraycopy(u, 0, buf, n, u.length);
                n += u.length;
            }
        }
        ensure(1);
        buf[n++] = '"';
        return this;
    }

    /** {@code {n}CRLF} followed by the octets. */
    public ResponseWriter literal(byte[] data) throws IOException {
        ch('{').number(data.length).ch('}').crlf();
        return bytes(data);
    }

    /** Announces a literal of {@code len} octets; the caller writes them next. */
    public ResponseWriter literalHeader(long len) throws IOException {
        return ch('{').number(len).ch('}').crlf();
    }

    /** Announces a literal8 ({@code ~{n}}, RFC 3516) of {@code len} octets. */
    public ResponseWriter literal8Header(long len) throws IOException {
        return ch('~').ch('{').number(len).ch('}').crlf();
    }

    /** Writes everything buffered to the socket and flushes it. */
    public void flush() throws IOException {
        drain();
        out.flush();
        if (buf != small) {
            POOL.offer(buf); // idle sessions keep only their small buffer
            buf = small;
        }
    }

    /** Octets buffered and not yet written. */
    public int buffered() {
        return n;
    }
}
