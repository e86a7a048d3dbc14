package dev.yubin.message;

import java.io.InputStream;
import java.util.Arrays;
import java.util.Locale;
import org.apache.james.mime4j.codec.Base64InputStream;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.QuotedPrintableInputStream;

/**
 * Content-Transfer-Encoding decoding (RFC 2045 §6) for IMAP BINARY (RFC 3516) and search. Lenient:
 * characters outside the base64 alphabet are skipped and broken quoted-printable escapes are kept as
 * written, never thrown.
 */
public final class TransferDecoding {

    private static final byte[] BASE64 = new byte[256];

    static {
        Arrays.fill(BASE64, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            BASE64[alphabet.charAt(i)] = (byte) i;
        }
    }

    private TransferDecoding() {
    }

    /** True when the encoding is one this class decodes (base64, quoted-printable). */
    public static boolean isEncoded(String encoding) {
        String e = normalise(encoding);
        return e.equals("base64") || e.equals("quoted-printable");
    }

    /**
     * Wraps {@code in} so it yields decoded octets (mime4j's streaming decoders, silent on errors):
     * base64 and quoted-printable are decoded; 7bit, 8bit, binary, absent and unknown encodings pass
     * through unchanged. On valid input it yields the same octets as {@link #decode(byte[], int, int,
     * String)}; on broken base64 it stops at the first padding where the array form goes on.
     */
    public static InputStream decode(InputStream in, String encoding) {
        return switch (normalise(encoding)) {
            case "base64" -> new Base64InputStream(in, DecodeMonitor.SILENT);
            case "quoted-printable" -> new QuotedPrintableInputStream(in, DecodeMonitor.SILENT);
            default -> in;
        };
    }

    /** Decodes {@code len} octets from {@code off}; identity encodings return a copy. */
    public static byte[] decode(byte[] b, int off, int len, String encoding) {
        return switch (normalise(encoding)) {
            case "base64" -> base64(b, off, len);
            case "quoted-printable" -> quotedPrintable(b, off, len);
            default -> Arrays.copyOfRange(b, off, off + len);
        };
    }

    private static String normalise(String encoding) {
        return encoding == null ? "" : encoding.trim().toLowerCase(Locale.ROOT);
    }

    /**
     * RFC 2045 §6.8, lenient: skips characters outside the alphabet; padding ends a quantum and
     * decoding goes on after it (some mailers concatenate separately padded chunks).
     */
    static byte[] base64(byte[] b, int off, int len) {
        byte[] out = new byte[len / 4 * 3 + 3];
        int n = 0;
        int acc = 0;
        int bits = 0;
        for (int k = off, end = off + len; k < end; k++) {
            int c = b[k] & 0xff;
            if (c == '=') {
                acc = 0;
                bits = 0;
                continue;
            }
            int v = BASE64[c];
            if (v < 0) {
                continue;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                out[n++] = (byte) (acc >> bits);
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    /** RFC 2045 §6.7: "=XX" escapes, soft line breaks "=" CRLF; invalid escapes are kept literally. */
    static byte[] quotedPrintable(byte[] b, int off, int len) {
        byte[] out = new byte[len];
        int n = 0;
        int end = off + len;
        for (int k = off; k < end; k++) {
            byte c = b[k];
            if (c != '=') {
                out[n++] = c;
                continue;
            }
            int h = k + 2 < end ? hex(b[k + 1]) : -1;
            int l = h >= 0 ? hex(b[k + 2]) : -1;
            if (l >= 0) {
                out[n++] = (byte) (h << 4 | l);
                k += 2;
                continue;
            }
            // soft line break: '=' then optional transport padding then CRLF or LF
            int j = k + 1;
            while (j < end && (b[j] == ' ' || b[j] == '\t')) {
                j++;
            }
            if (j < end && b[j] == '\r' && j + 1 < end && b[j + 1] == '\n') {
                k = j + 1;
            } else if (j < end && b[j] == '\n') {
                k = j;
            } else if (j == end) {
                k = j;
            } else {
                out[n++] = c;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static int hex(byte c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
